import type { INestApplicationContext } from '@nestjs/common';
import { Role, StageDecisionOutcome } from '../../libs/domain';
import {
  ADVANCE_APPLICATION,
  AMEND_SCORECARD,
  AMEND_SCORECARD_RATINGS,
  APPLICATION_INTERVIEWS,
  APPLICATION_REVIEW,
  applyCandidate,
  CANCEL_INTERVIEW,
  COMPLETE_INTERVIEW,
  errorCode,
  heldInterview,
  HIRE_APPLICATION,
  hoursFromNow,
  INTERVIEW_SCORECARD_RATINGS,
  INTERVIEW_SCORECARDS,
  loadBuiltInPlan,
  MY_NOTIFICATIONS,
  NO_ROLLUP_DIFFERENCES,
  openPositionFromBuiltInPlan,
  REJECT_APPLICATION,
  rollupDifferencesInTestDatabase,
  SAVE_SCORECARD,
  scheduleInterview,
  SCORECARD,
  scorecardInput,
  signInPeople,
  SKIP_STAGE,
  submitScorecard,
  SUBMIT_SCORECARD,
  TestApi,
  type Person,
  type PlanFields,
  type SaveScorecardInput,
} from '../../libs/testing';
import { loadConfig } from '../../src/config/app-config';
import { InterviewPanelist } from '../../src/modules/scheduling';
import { createWorkerApp } from '../../src/worker';
import { SYSTEM_ACTOR } from '../../src/common/auth/actor';
import { PipelineService, StageDecision, StageDecisionProcessor, StageVisit } from '../../src/modules/pipeline';
import { ScorecardAmendment } from '../../src/modules/scorecards';

type Name = 'recruiter' | 'manager' | 'ann' | 'ben' | 'cy';

describe('scorecards, skill verification and stage decisions', () => {
  const api = new TestApi();
  let worker: INestApplicationContext;
  let people: Record<Name, Person>;
  let recruiter: Person;
  let positionId: string;
  let plan: PlanFields;

  beforeAll(async () => {
    await api.start();
    const config = loadConfig();
    worker = await createWorkerApp({ ...config, outboxPollMs: 50 });
    await worker.init();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });
  // Whatever each flow did, the analytics rollups its triggers kept equal a rebuild.
  afterEach(async () => {
    expect(await rollupDifferencesInTestDatabase()).toEqual(NO_ROLLUP_DIFFERENCES);
  });
  beforeEach(async () => {
    await api.reset();
    await loadBuiltInPlan(api);
    people = await signInPeople(api, {
      recruiter: [Role.RECRUITER],
      manager: [Role.HIRING_MANAGER],
      ann: [Role.INTERVIEWER],
      ben: [Role.INTERVIEWER],
      cy: [Role.INTERVIEWER],
    });
    recruiter = people.recruiter;
    const position = await openPositionFromBuiltInPlan(recruiter, {
      companyProfile: 'ENTERPRISE',
      hiringManagerId: people.manager.id,
      recruiterIds: [recruiter.id],
    });
    positionId = position.id;
    plan = position.plan;
  });

  const applyAs = (name: string) =>
    applyCandidate(recruiter, positionId, { name, email: `${name.toLowerCase().replace(/\W/g, '.')}@example.net` });

  /** Schedules an interview for the current stage, then moves it into the past so it can be completed. */
  const held = (applicationId: string, panel: Name[]) =>
    heldInterview(
      api,
      recruiter,
      applicationId,
      panel.map((name) => people[name].id),
    );

  const complete = (interviewId: string) => recruiter.gql(COMPLETE_INTERVIEW, { input: { interviewId } });

  function stageOf(stageId: string) {
    return plan.stages.find((stage: any) => stage.id === stageId)!;
  }

  const scorecardFor = (
    interviewId: string,
    stage: PlanFields['stages'][number],
    score: number,
    recommendation?: string,
  ) => scorecardInput(plan, stage, interviewId, score, recommendation);

  const submitAs = (who: Name, input: SaveScorecardInput) => submitScorecard(people[who], input);

  const review = async (applicationId: string) =>
    (await recruiter.gql(APPLICATION_REVIEW, { id: applicationId })).data!.application!;

  async function waitForStage(
    applicationId: string,
    predicate: (application: Awaited<ReturnType<typeof review>>) => boolean,
  ) {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const application = await review(applicationId);
      if (predicate(application)) return application;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the application did not move in time');
  }

  // The whole hiring loop, with the worker in this process (reminders, mail, webhooks): a long test.
  it('walks a candidate through every stage to the hire, with blind review, automatic and manager decisions', async () => {
    const applicationId = await applyAs('Grace Hopper');
    const stages = [...plan.stages].sort((a: any, b: any) => a.order - b.order);
    expect(stages.some((stage: any) => stage.autoAdvance)).toBe(true);
    expect(stages.some((stage: any) => !stage.autoAdvance)).toBe(true);

    for (const [index, stage] of stages.entries()) {
      const panel: Name[] = index % 2 === 0 ? ['ann', 'ben'] : ['cy'];
      const interviewId = await held(applicationId, panel);

      if (panel.length === 2) {
        // Ann submits first; Ben, still drafting, must not see Ann's scorecard.
        const annCard = await submitAs('ann', scorecardFor(interviewId, stage, 4, 'STRONG_YES'));
        const benDraft = (await people.ben.gql(SAVE_SCORECARD, { input: scorecardFor(interviewId, stage, 3) })).data!
          .saveScorecard.scorecard.id;
        expect(errorCode(await people.ben.gql(SCORECARD, { id: annCard }))).toBe('FORBIDDEN');
        const benView = await people.ben.gql(INTERVIEW_SCORECARDS, { id: interviewId });
        expect(benView.data!.interview!.scorecards.map((card: any) => card.interviewer.email)).toEqual([
          'ben@example.com',
        ]);
        const annView = await people.ann.gql(INTERVIEW_SCORECARDS, { id: interviewId });
        expect(annView.data!.interview!.scorecards).toEqual([
          { interviewer: { email: 'ann@example.com' }, status: 'SUBMITTED' },
        ]);
        // No decision yet: the interview is not completed and Ben has not submitted.
        expect(await complete(interviewId)).toMatchObject({
          data: { completeInterview: { interview: { status: 'COMPLETED' } } },
        });
        expect((await review(applicationId)).stageDecisions).toHaveLength(index);
        await people.ben.gql(SUBMIT_SCORECARD, { input: { scorecardId: benDraft } });
        const benAfter = await people.ben.gql(INTERVIEW_SCORECARD_RATINGS, { id: interviewId });
        expect(benAfter.data!.interview!.scorecards).toHaveLength(2);
        const managerView = await people.manager.gql(SCORECARD, { id: annCard });
        expect(managerView.data!.scorecard.recommendation).toBe('STRONG_YES');
      } else {
        // Submission before completion: the decision waits for the interview to be completed.
        await submitAs('cy', scorecardFor(interviewId, stage, 3));
        expect((await review(applicationId)).stageDecisions).toHaveLength(index);
        await complete(interviewId);
      }

      const decided = await waitForStage(
        applicationId,
        (application) => application.stageDecisions.length === index + 1,
      );
      const decision = decided.stageDecisions[index]!;
      expect(decision).toMatchObject({ stageId: stage.id, outcome: 'PASSED', automatic: stage.autoAdvance });
      expect(decision.reasons.join(' ')).toMatch(/Weighted average/);

      if (stage.autoAdvance) {
        const moved = await waitForStage(applicationId, (application) => application.currentStage?.id !== stage.id);
        const visit = moved.stageHistory[index]!;
        expect(visit).toMatchObject({ outcome: 'PASSED', decidedBy: null });
        expect(visit.reason).toMatch(/^Automatic stage decision/);
      } else {
        const notes = await people.manager.gql(MY_NOTIFICATIONS, { unreadOnly: true });
        expect(notes.data!.myNotifications).toContainEqual(
          expect.objectContaining({ kind: 'STAGE_DECISION_WAITING', link: applicationId }),
        );
        const advanced = await people.manager.gql(ADVANCE_APPLICATION, {
          input: { applicationId, reason: 'Panel agrees' },
        });
        expect(advanced.errors).toBeUndefined();
      }
    }

    const ready = await review(applicationId);
    expect(ready.currentStage).toBeNull();
    const mustVerify = ready.skillVerifications.filter((entry: any) => entry.priority === 'MUST_VERIFY');
    expect(mustVerify.length).toBeGreaterThan(0);
    for (const entry of mustVerify) {
      expect(entry.verdict).toBe('VERIFIED');
      expect(entry.evidence.length).toBeGreaterThan(0);
    }
    const hired = await people.manager.gql(HIRE_APPLICATION, { input: { applicationId } });
    expect(hired.data!.hireApplication.application.status).toBe('HIRED');
  }, 180_000);

  it('fails a stage on a STRONG_NO and leaves the decision to the hiring manager, who rejects', async () => {
    const applicationId = await applyAs('Alan Smithee');
    // Pass the HR screen (automatic), then a manual stage with a STRONG_NO.
    const first = stageOf((await review(applicationId)).currentStage!.id);
    const screen = await held(applicationId, ['ann']);
    await complete(screen);
    await submitAs('ann', scorecardFor(screen, first, 4));
    const second = await waitForStage(applicationId, (application) => application.currentStage?.id !== first.id);
    const stage = stageOf(second.currentStage!.id);
    expect(stage.autoAdvance).toBe(false);

    const interviewId = await held(applicationId, ['ben', 'cy']);
    await complete(interviewId);
    await submitAs('ben', scorecardFor(interviewId, stage, 4));
    await submitAs('cy', scorecardFor(interviewId, stage, 2, 'STRONG_NO'));
    const decided = await waitForStage(applicationId, (application) => application.stageDecisions.length === 2);
    expect(decided.stageDecisions[1]).toMatchObject({
      outcome: 'FAILED',
      reasonCode: 'STRONG_NO',
      automatic: false,
      appliedAt: null,
    });
    expect(decided.stageDecisions[1]!.reasons).toContain('STRONG_NO from cy');
    expect(decided.currentStage!.id).toBe(stage.id);

    const rejected = await people.manager.gql(REJECT_APPLICATION, {
      input: { applicationId, reason: 'Panel found gaps' },
    });
    expect(rejected.data!.rejectApplication.application.status).toBe('REJECTED');
    const after = await review(applicationId);
    expect(after.stageDecisions[1]!.appliedAt).not.toBeNull();
    // The manager gave no code: the visit says OTHER, whatever the panel's decision said.
    expect(after.stageHistory.at(-1)).toMatchObject({
      outcome: 'FAILED',
      reasonCode: 'OTHER',
      decidedBy: { email: 'manager@example.com' },
    });
  });

  it.each([
    ['a weighted average below the threshold', 1, 'NO', 'BELOW_BAR'],
    ['a STRONG_NO above the threshold', 4, 'STRONG_NO', 'STRONG_NO'],
  ])('rejects automatically on %s and stores the code on the visit', async (_case, score, recommendation, code) => {
    const applicationId = await applyAs(`Failing ${code}`);
    const stage = stageOf((await review(applicationId)).currentStage!.id);
    expect(stage.autoAdvance).toBe(true);
    const interviewId = await held(applicationId, ['ann']);
    await complete(interviewId);
    await submitAs('ann', scorecardFor(interviewId, stage, score as number, recommendation as string));
    const rejected = await waitForStage(applicationId, (application) => application.status === 'REJECTED');
    expect(rejected.stageDecisions).toEqual([expect.objectContaining({ outcome: 'FAILED', reasonCode: code })]);
    expect(rejected.stageHistory).toEqual([
      expect.objectContaining({ outcome: 'FAILED', decidedBy: null, reasonCode: code }),
    ]);
    expect(rejected.stageHistory[0]!.reason).toMatch(/^Automatic stage decision: /);
  });

  it('refuses invalid scorecards and writes nothing', async () => {
    const applicationId = await applyAs('Ada Byron');
    const stage = stageOf((await review(applicationId)).currentStage!.id);
    const interviewId = await held(applicationId, ['ann']);
    const good = scorecardFor(interviewId, stage, 3);
    const outOfScale = await people.ann.gql(SAVE_SCORECARD, {
      input: { ...good, ratings: [{ ...good.ratings[0]!, score: 9 }] },
    });
    expect(errorCode(outOfScale)).toBe('BAD_USER_INPUT');
    expect(outOfScale.errors![0]!.extensions.fields).toEqual({
      'input.ratings[0].score': 'must be a whole number from 1 to 4',
    });
    const foreignCriterion = await people.ann.gql(SAVE_SCORECARD, {
      input: { ...good, ratings: [{ criterionId: '00000000-0000-4000-8000-000000000000', score: 3 }] },
    });
    expect(Object.keys(foreignCriterion.errors![0]!.extensions.fields!)).toEqual(['input.ratings[0].criterionId']);
    const foreignSkill = await people.ann.gql(SAVE_SCORECARD, {
      input: { ...good, skillVerdicts: [{ skillId: '00000000-0000-4000-8000-000000000000', verdict: 'VERIFIED' }] },
    });
    expect(Object.keys(foreignSkill.errors![0]!.extensions.fields!)).toEqual(['input.skillVerdicts[0].skillId']);
    expect(errorCode(await people.ben.gql(SAVE_SCORECARD, { input: good }))).toBe('FORBIDDEN');
    const unknownInterview = await people.ann.gql(SAVE_SCORECARD, {
      input: { ...good, interviewId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(errorCode(unknownInterview)).toBe('NOT_FOUND');
    expect(unknownInterview.errors![0]!.message).toMatch(/Interview/);
    expect((await recruiter.gql(INTERVIEW_SCORECARDS, { id: interviewId })).data!.interview!.scorecards).toEqual([]);

    const partial = await people.ann.gql(SAVE_SCORECARD, {
      input: { ...good, ratings: good.ratings.slice(1), recommendation: null },
    });
    const incomplete = await people.ann.gql(SUBMIT_SCORECARD, {
      input: { scorecardId: partial.data!.saveScorecard.scorecard.id },
    });
    expect(errorCode(incomplete)).toBe('BAD_USER_INPUT');
    expect(incomplete.errors![0]!.extensions.fields).toEqual({
      ratings: `rate every criterion; missing: ${stage.rubric!.criteria[0]!.name}`,
      recommendation: 'choose a recommendation before submitting',
    });
    const scorecardId = await submitAs('ann', good);
    expect(errorCode(await people.ann.gql(SUBMIT_SCORECARD, { input: { scorecardId } }))).toBe('CONFLICT');
    expect(errorCode(await people.ann.gql(SAVE_SCORECARD, { input: good }))).toBe('CONFLICT');

    const amended = await people.ann.gql(AMEND_SCORECARD, {
      input: { scorecardId, reason: 'Re-read my notes', recommendation: 'STRONG_YES' },
    });
    expect(amended.data!.amendScorecard.scorecard).toEqual({
      recommendation: 'STRONG_YES',
      amendments: [{ reason: 'Re-read my notes', author: { email: 'ann@example.com' } }],
    });
    expect(errorCode(await people.ben.gql(AMEND_SCORECARD, { input: { scorecardId, reason: 'x' } }))).toBe('FORBIDDEN');
  });

  it('keeps per-question ratings, checked against the stage questions and blind until submitted', async () => {
    const applicationId = await applyAs('Katherine Johnson');
    const stage = stageOf((await review(applicationId)).currentStage!.id);
    const [q1, q2, q3] = stage.questions.map((question: any) => question.id as string) as [string, string, string];
    expect(q3).toBeDefined();
    const otherStageQuestion = plan.stages
      .find((other: any) => other.id !== stage.id && other.questions.length > 0)!
      .questions.find((question: any) => !stage.questions.some((own: any) => own.id === question.id))!.id;
    const interviewId = await held(applicationId, ['ann', 'ben']);
    const good = scorecardFor(interviewId, stage, 3);
    const save = (input: SaveScorecardInput, who: Name) => people[who].gql(SAVE_SCORECARD, { input });

    const invalid = await save(
      {
        ...good,
        questionRatings: [
          { questionId: otherStageQuestion, score: 3 },
          { questionId: q1, score: 3 },
          { questionId: q1, score: 2 },
          { questionId: q2, score: 5 },
        ],
      },
      'ann',
    );
    expect(errorCode(invalid)).toBe('BAD_USER_INPUT');
    expect(invalid.errors![0]!.extensions.fields).toEqual({
      'input.questionRatings[0].questionId': `not a question of the "${stage.name}" stage`,
      'input.questionRatings[2].questionId': 'rated twice',
      'input.questionRatings[3].score': 'must be a whole number from 1 to 4',
    });
    const notAnId = await save({ ...good, questionRatings: [{ questionId: 'q1', score: 3 }] }, 'ann');
    expect(Object.keys(notAnId.errors![0]!.extensions.fields!)).toEqual(['input.questionRatings.0.questionId']);
    expect((await recruiter.gql(INTERVIEW_SCORECARDS, { id: interviewId })).data!.interview!.scorecards).toEqual([]);

    // A draft may rate some questions only; saving again replaces them.
    const draft = await save({ ...good, questionRatings: [{ questionId: q2, score: 2, note: '  vague  ' }] }, 'ann');
    expect(draft.data!.saveScorecard.scorecard.questionRatings).toEqual([
      { question: { id: q2, prompt: expect.any(String) }, score: 2, note: 'vague' },
    ]);
    const annCard = draft.data!.saveScorecard.scorecard.id;
    await save(
      {
        ...good,
        questionRatings: [
          { questionId: q1, score: 4, note: 'Clear story' },
          { questionId: q2, score: 2 },
        ],
      },
      'ann',
    );
    const submitted = await people.ann.gql(SUBMIT_SCORECARD, { input: { scorecardId: annCard } });
    expect(submitted.data!.submitScorecard.scorecard).toMatchObject({
      status: 'SUBMITTED',
      questionRatings: [
        { question: { id: q1 }, score: 4, note: 'Clear story' },
        { question: { id: q2 }, score: 2, note: null },
      ],
    });

    // Ben has not submitted: Ann's scorecard, question ratings included, stays hidden from him.
    expect(errorCode(await people.ben.gql(SCORECARD, { id: annCard }))).toBe('FORBIDDEN');
    await submitAs('ben', { ...good, questionRatings: [{ questionId: q3, score: 3 }] });
    expect((await people.ben.gql(SCORECARD, { id: annCard })).data!.scorecard.questionRatings).toEqual([
      { question: { id: q1 }, score: 4 },
      { question: { id: q2 }, score: 2 },
    ]);
    // The team reads every scorecard of the interview with its question ratings.
    const both = await people.manager.gql(INTERVIEW_SCORECARD_RATINGS, { id: interviewId });
    expect(both.data!.interview!.scorecards.map((card: any) => card.questionRatings.length).sort()).toEqual([1, 2]);

    // An amendment checks the new ratings and keeps the old ones in its history.
    const badAmend = await people.ann.gql(AMEND_SCORECARD_RATINGS, {
      input: {
        scorecardId: annCard,
        reason: 'typo',
        questionRatings: [{ questionId: otherStageQuestion, score: 3 }],
      },
    });
    expect(Object.keys(badAmend.errors![0]!.extensions.fields!)).toEqual(['input.questionRatings[0].questionId']);
    const amended = await people.ann.gql(AMEND_SCORECARD_RATINGS, {
      input: { scorecardId: annCard, reason: 'Re-read my notes', questionRatings: [{ questionId: q2, score: 3 }] },
    });
    expect(amended.data!.amendScorecard.scorecard.questionRatings).toEqual([
      { question: { id: q2, prompt: expect.any(String) }, score: 3, note: null },
    ]);
    const history = await api.orm.em.fork().find(ScorecardAmendment, { scorecard: annCard });
    expect(history).toHaveLength(1);
    expect(history[0]!.before).toMatchObject({
      questionRatings: [
        { questionId: q1, score: 4, note: 'Clear story' },
        { questionId: q2, score: 2, note: null },
      ],
    });
    // Leaving questionRatings out of an amendment keeps them.
    const kept = await people.ann.gql(AMEND_SCORECARD_RATINGS, {
      input: { scorecardId: annCard, reason: 'Notes', notes: 'More notes' },
    });
    expect(kept.data!.amendScorecard.scorecard.questionRatings).toHaveLength(1);
  });

  it('refuses to submit before the interview started or after it was cancelled', async () => {
    const applicationId = await applyAs('Linus Early');
    const stage = stageOf((await review(applicationId)).currentStage!.id);
    const scheduled = await scheduleInterview(recruiter, {
      applicationId,
      startsAt: hoursFromNow(24),
      endsAt: hoursFromNow(25),
      interviewerIds: [people.ann.id],
    });
    const interviewId = scheduled.data!.scheduleInterview.interview.id;
    const saved = await people.ann.gql(SAVE_SCORECARD, { input: scorecardFor(interviewId, stage, 3) });
    expect(saved.data!.saveScorecard.scorecard.dueAt).toBe(
      new Date(Date.parse(saved.data!.saveScorecard.scorecard.dueAt)).toISOString(),
    );
    const early = await people.ann.gql(SUBMIT_SCORECARD, {
      input: { scorecardId: saved.data!.saveScorecard.scorecard.id },
    });
    expect(errorCode(early)).toBe('CONFLICT');
    await recruiter.gql(CANCEL_INTERVIEW, { input: { interviewId, reason: 'moved' } });
    expect(errorCode(await people.ann.gql(SAVE_SCORECARD, { input: scorecardFor(interviewId, stage, 3) }))).toBe(
      'CONFLICT',
    );
  });

  it('applies an automatic decision once, however often its job runs', async () => {
    const applicationId = await applyAs('Barbara Liskov');
    const first = stageOf((await review(applicationId)).currentStage!.id);
    const interviewId = await held(applicationId, ['ann']);
    await complete(interviewId);
    await submitAs('ann', scorecardFor(interviewId, first, 4));
    const moved = await waitForStage(applicationId, (application) => application.currentStage?.id !== first.id);
    const decision = await api.orm.em.fork().findOneOrFail(StageDecision, { application: applicationId });
    const processor = worker.get(StageDecisionProcessor);
    await processor.process({ name: 'pipeline.apply-stage-decision', data: { decisionId: decision.id } } as never);
    await processor.process({ name: 'pipeline.apply-stage-decision', data: { decisionId: decision.id } } as never);
    const after = await review(applicationId);
    expect(after.stageHistory).toHaveLength(moved.stageHistory.length);
    expect(after.version).toBe(moved.version);
  });

  // The worker runs transitions too (StageDecisionProcessor): the modules that fill the pipeline's
  // hooks must be loaded there, or a decision carried out by the worker would behave differently.
  it('runs the same transition hooks in the worker: a rejection cancels open interviews, a hire checks skills', async () => {
    const applicationId = await applyAs('Ada Worker');
    const em = api.orm.em.fork();
    const visit = await em.findOneOrFail(StageVisit, { application: applicationId, exitedAt: null });
    const decision = new StageDecision({
      visit,
      application: visit.application,
      stage: visit.stage,
      outcome: StageDecisionOutcome.FAILED,
      average: 1,
      reasons: ['below the bar'],
      automatic: true,
    });
    await em.persistAndFlush(decision);
    const scheduled = await scheduleInterview(recruiter, {
      applicationId,
      startsAt: hoursFromNow(48),
      endsAt: hoursFromNow(49),
      interviewerIds: [people.ann.id],
    });
    const interviewId = scheduled.data!.scheduleInterview.interview.id;

    await worker
      .get(StageDecisionProcessor)
      .process({ name: 'pipeline.apply-stage-decision', data: { decisionId: decision.id } } as never);
    const after = await recruiter.gql(APPLICATION_INTERVIEWS, { id: applicationId });
    expect(after.data!.application).toEqual({
      status: 'REJECTED',
      interviews: [{ id: interviewId, status: 'CANCELLED', cancelReason: 'The application was rejected.' }],
    });
    const panelists = await api.orm.em.fork().find(InterviewPanelist, { interview: interviewId });
    expect(panelists.map((panelist) => panelist.blocksCalendar)).toEqual([false]);

    // Past every stage without verifying a must-verify skill: the worker's pipeline refuses the hire.
    const hopeful = await applyAs('Bea Worker');
    for (const _stage of plan.stages) {
      const skipped = await recruiter.gql(SKIP_STAGE, { input: { applicationId: hopeful, reason: 'fast track' } });
      expect(skipped.errors).toBeUndefined();
    }
    await expect(worker.get(PipelineService).transition(SYSTEM_ACTOR, hopeful, 'hire')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Cannot hire yet: these must-verify skills are not verified'),
    });
  });
});
