import type { INestApplicationContext } from '@nestjs/common';
import { Role, StageDecisionOutcome } from '../../libs/domain';
import { errorCode, NO_ROLLUP_DIFFERENCES, rollupDifferencesInTestDatabase, TestApi } from '../../libs/testing';
import { loadConfig } from '../../src/config/app-config';
import { BuiltInCatalogService } from '../../src/modules/catalog';
import { Interview, InterviewPanelist } from '../../src/modules/scheduling';
import { createWorkerApp } from '../../src/worker';
import { SYSTEM_ACTOR } from '../../src/common/auth/actor';
import { PipelineService, StageDecision, StageDecisionProcessor, StageVisit } from '../../src/modules/pipeline';
import { ScorecardAmendment } from '../../src/modules/scorecards';

const STAGES = `plan { stages { id name kind order autoAdvance rubric { criteria { id name } scaleMin scaleMax }
  questions { id } }
  skillRequirements { skill { id name } priority verifiedIn { id } } }`;
const APPLICATION = `query ($id: ID!) { application(id: $id) { status version currentStage { id name }
  stageHistory { stage { name } outcome decidedBy { email } reason reasonCode }
  stageDecisions { stageId outcome reasons reasonCode automatic appliedAt }
  skillVerifications { skill { name } priority verdict evidence { verdict stageName interviewer { email } } } } }`;
const SAVE = `mutation ($input: SaveScorecardInput!) { saveScorecard(input: $input) { scorecard { id status dueAt weightedScore } } }`;
const SUBMIT = `mutation ($input: SubmitScorecardInput!) { submitScorecard(input: $input) { scorecard { id status submittedAt weightedScore } } }`;

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000);

describe('scorecards, skill verification and stage decisions', () => {
  const api = new TestApi();
  let worker: INestApplicationContext;
  const people: Record<string, { id: string; token: string }> = {};
  let positionId: string;
  let plan: any;

  const gql = (query: string, variables: Record<string, unknown>, who = 'recruiter') =>
    api.gql(query, variables, people[who]!.token);

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
    await api.app.get(BuiltInCatalogService).load();
    const roles: Record<string, Role[]> = {
      recruiter: [Role.RECRUITER],
      manager: [Role.HIRING_MANAGER],
      ann: [Role.INTERVIEWER],
      ben: [Role.INTERVIEWER],
      cy: [Role.INTERVIEWER],
    };
    for (const [name, given] of Object.entries(roles)) {
      const { user, token } = await api.signedIn(`${name}@example.com`, given);
      people[name] = { id: user.id, token };
    }
    const template = (await gql('{ planTemplates { id } }', {})).data!.planTemplates[0];
    const created = await gql(
      `mutation ($input: CreatePositionInput!) { createPosition(input: $input) { position { id ${STAGES} } } }`,
      {
        input: {
          title: 'Backend Developer',
          level: 'SENIOR',
          companyProfile: 'ENTERPRISE',
          hiringManagerId: people.manager!.id,
          recruiterIds: [people.recruiter!.id],
          planTemplateId: template.id,
        },
      },
    );
    positionId = created.data!.createPosition.position.id;
    plan = created.data!.createPosition.position.plan;
    await gql(`mutation ($id: ID!) { openPosition(id: $id) { position { status } } }`, { id: positionId });
  });

  async function applyCandidate(name: string): Promise<string> {
    const candidate = await gql(
      `mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { id } } }`,
      {
        input: { name, email: `${name.toLowerCase().replace(/\W/g, '.')}@example.net`, experienceLevel: 'SENIOR' },
      },
    );
    const applied = await gql(`mutation ($input: ApplyInput!) { apply(input: $input) { application { id } } }`, {
      input: { candidateId: candidate.data!.createCandidate.candidate.id, positionId },
    });
    return applied.data!.apply.application.id;
  }

  /** Schedules an interview for the current stage, then moves it into the past so it can be completed. */
  async function heldInterview(applicationId: string, panel: string[]): Promise<string> {
    const scheduled = await gql(
      `mutation ($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { interview { id } } }`,
      {
        input: {
          applicationId,
          startsAt: hoursFromNow(24).toISOString(),
          endsAt: hoursFromNow(25).toISOString(),
          interviewerIds: panel.map((name) => people[name]!.id),
        },
      },
    );
    const id = scheduled.data!.scheduleInterview.interview.id as string;
    const em = api.orm.em.fork();
    const past = { startsAt: hoursFromNow(-2 - Math.random()), endsAt: hoursFromNow(-1) };
    await em.nativeUpdate(Interview, { id }, past);
    await em.nativeUpdate(InterviewPanelist, { interview: id }, past);
    return id;
  }

  const complete = (interviewId: string) =>
    gql(`mutation ($input: CompleteInterviewInput!) { completeInterview(input: $input) { interview { status } } }`, {
      input: { interviewId },
    });

  function stageOf(stageId: string) {
    return plan.stages.find((stage: any) => stage.id === stageId);
  }

  /** A full scorecard for the stage: every criterion at `score`, every skill the stage verifies VERIFIED. */
  function scorecardFor(interviewId: string, stage: any, score: number, recommendation = 'YES') {
    const skills = plan.skillRequirements.filter((requirement: any) =>
      requirement.verifiedIn.some((s: any) => s.id === stage.id),
    );
    return {
      interviewId,
      ratings: stage.rubric.criteria.map((criterion: any) => ({
        criterionId: criterion.id,
        score,
        evidence: `Seen: ${criterion.name}`,
      })),
      skillVerdicts: skills.map((requirement: any) => ({
        skillId: requirement.skill.id,
        verdict: score >= 3 ? 'VERIFIED' : 'NOT_VERIFIED',
        evidence: 'observed',
      })),
      recommendation,
      redFlags: [],
    };
  }

  async function submitAs(who: string, input: any): Promise<string> {
    const saved = await gql(SAVE, { input }, who);
    if (!saved.data) throw new Error(`${who} could not save: ${JSON.stringify(saved.errors)}`);
    const submitted = await gql(SUBMIT, { input: { scorecardId: saved.data.saveScorecard.scorecard.id } }, who);
    if (!submitted.data) throw new Error(`${who} could not submit: ${JSON.stringify(submitted.errors)}`);
    return saved.data.saveScorecard.scorecard.id;
  }

  async function waitForStage(applicationId: string, predicate: (application: any) => boolean): Promise<any> {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const application = (await gql(APPLICATION, { id: applicationId })).data!.application;
      if (predicate(application)) return application;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the application did not move in time');
  }

  it('walks a candidate through every stage to the hire, with blind review, automatic and manager decisions', async () => {
    const applicationId = await applyCandidate('Grace Hopper');
    const stages = [...plan.stages].sort((a: any, b: any) => a.order - b.order);
    expect(stages.some((stage: any) => stage.autoAdvance)).toBe(true);
    expect(stages.some((stage: any) => !stage.autoAdvance)).toBe(true);

    for (const [index, stage] of stages.entries()) {
      const panel = index % 2 === 0 ? ['ann', 'ben'] : ['cy'];
      const interviewId = await heldInterview(applicationId, panel);

      if (panel.length === 2) {
        // Ann submits first; Ben, still drafting, must not see Ann's scorecard.
        const annCard = await submitAs('ann', scorecardFor(interviewId, stage, 4, 'STRONG_YES'));
        const benDraft = (await gql(SAVE, { input: scorecardFor(interviewId, stage, 3) }, 'ben')).data!.saveScorecard
          .scorecard.id;
        expect(errorCode(await gql(`query ($id: ID!) { scorecard(id: $id) { id } }`, { id: annCard }, 'ben'))).toBe(
          'FORBIDDEN',
        );
        const benView = await gql(
          `query ($id: ID!) { interview(id: $id) { scorecards { interviewer { email } } } }`,
          { id: interviewId },
          'ben',
        );
        expect(benView.data!.interview.scorecards.map((card: any) => card.interviewer.email)).toEqual([
          'ben@example.com',
        ]);
        const annView = await gql(
          `query ($id: ID!) { interview(id: $id) { scorecards { interviewer { email } status } } }`,
          { id: interviewId },
          'ann',
        );
        expect(annView.data!.interview.scorecards).toEqual([
          { interviewer: { email: 'ann@example.com' }, status: 'SUBMITTED' },
        ]);
        // No decision yet: the interview is not completed and Ben has not submitted.
        expect(await complete(interviewId)).toMatchObject({
          data: { completeInterview: { interview: { status: 'COMPLETED' } } },
        });
        expect((await gql(APPLICATION, { id: applicationId })).data!.application.stageDecisions).toHaveLength(index);
        await gql(SUBMIT, { input: { scorecardId: benDraft } }, 'ben');
        const benAfter = await gql(
          `query ($id: ID!) { interview(id: $id) { scorecards { interviewer { name } ratings { score criterion { name } } } } }`,
          { id: interviewId },
          'ben',
        );
        expect(benAfter.data!.interview.scorecards).toHaveLength(2);
        const managerView = await gql(
          `query ($id: ID!) { scorecard(id: $id) { recommendation } }`,
          { id: annCard },
          'manager',
        );
        expect(managerView.data!.scorecard.recommendation).toBe('STRONG_YES');
      } else {
        // Submission before completion: the decision waits for the interview to be completed.
        await submitAs('cy', scorecardFor(interviewId, stage, 3));
        expect((await gql(APPLICATION, { id: applicationId })).data!.application.stageDecisions).toHaveLength(index);
        await complete(interviewId);
      }

      const decided = await waitForStage(
        applicationId,
        (application) => application.stageDecisions.length === index + 1,
      );
      const decision = decided.stageDecisions[index];
      expect(decision).toMatchObject({ stageId: stage.id, outcome: 'PASSED', automatic: stage.autoAdvance });
      expect(decision.reasons.join(' ')).toMatch(/Weighted average/);

      if (stage.autoAdvance) {
        const moved = await waitForStage(applicationId, (application) => application.currentStage?.id !== stage.id);
        const visit = moved.stageHistory[index];
        expect(visit).toMatchObject({ outcome: 'PASSED', decidedBy: null });
        expect(visit.reason).toMatch(/^Automatic stage decision/);
      } else {
        const notes = await gql('{ myNotifications(unreadOnly: true) { kind subject link } }', {}, 'manager');
        expect(notes.data!.myNotifications).toContainEqual(
          expect.objectContaining({ kind: 'STAGE_DECISION_WAITING', link: applicationId }),
        );
        const advanced = await gql(
          `mutation ($input: AdvanceApplicationInput!) { advanceApplication(input: $input) { application { status } } }`,
          { input: { applicationId, reason: 'Panel agrees' } },
          'manager',
        );
        expect(advanced.errors).toBeUndefined();
      }
    }

    const ready = (await gql(APPLICATION, { id: applicationId })).data!.application;
    expect(ready.currentStage).toBeNull();
    const mustVerify = ready.skillVerifications.filter((entry: any) => entry.priority === 'MUST_VERIFY');
    expect(mustVerify.length).toBeGreaterThan(0);
    for (const entry of mustVerify) {
      expect(entry.verdict).toBe('VERIFIED');
      expect(entry.evidence.length).toBeGreaterThan(0);
    }
    const hired = await gql(
      `mutation ($input: HireApplicationInput!) { hireApplication(input: $input) { application { status decidedAt } } }`,
      { input: { applicationId } },
      'manager',
    );
    expect(hired.data!.hireApplication.application.status).toBe('HIRED');
  });

  it('fails a stage on a STRONG_NO and leaves the decision to the hiring manager, who rejects', async () => {
    const applicationId = await applyCandidate('Alan Smithee');
    // Pass the HR screen (automatic), then a manual stage with a STRONG_NO.
    const first = stageOf((await gql(APPLICATION, { id: applicationId })).data!.application.currentStage.id);
    const screen = await heldInterview(applicationId, ['ann']);
    await complete(screen);
    await submitAs('ann', scorecardFor(screen, first, 4));
    const second = await waitForStage(applicationId, (application) => application.currentStage?.id !== first.id);
    const stage = stageOf(second.currentStage.id);
    expect(stage.autoAdvance).toBe(false);

    const interviewId = await heldInterview(applicationId, ['ben', 'cy']);
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
    expect(decided.stageDecisions[1].reasons).toContain('STRONG_NO from cy');
    expect(decided.currentStage.id).toBe(stage.id);

    const rejected = await gql(
      `mutation ($input: RejectApplicationInput!) { rejectApplication(input: $input) { application { status } } }`,
      { input: { applicationId, reason: 'Panel found gaps' } },
      'manager',
    );
    expect(rejected.data!.rejectApplication.application.status).toBe('REJECTED');
    const after = (await gql(APPLICATION, { id: applicationId })).data!.application;
    expect(after.stageDecisions[1].appliedAt).not.toBeNull();
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
    const applicationId = await applyCandidate(`Failing ${code}`);
    const stage = stageOf((await gql(APPLICATION, { id: applicationId })).data!.application.currentStage.id);
    expect(stage.autoAdvance).toBe(true);
    const interviewId = await heldInterview(applicationId, ['ann']);
    await complete(interviewId);
    await submitAs('ann', scorecardFor(interviewId, stage, score as number, recommendation as string));
    const rejected = await waitForStage(applicationId, (application) => application.status === 'REJECTED');
    expect(rejected.stageDecisions).toEqual([expect.objectContaining({ outcome: 'FAILED', reasonCode: code })]);
    expect(rejected.stageHistory).toEqual([
      expect.objectContaining({ outcome: 'FAILED', decidedBy: null, reasonCode: code }),
    ]);
    expect(rejected.stageHistory[0].reason).toMatch(/^Automatic stage decision: /);
  });

  it('refuses invalid scorecards and writes nothing', async () => {
    const applicationId = await applyCandidate('Ada Byron');
    const stage = stageOf((await gql(APPLICATION, { id: applicationId })).data!.application.currentStage.id);
    const interviewId = await heldInterview(applicationId, ['ann']);
    const good = scorecardFor(interviewId, stage, 3);
    const outOfScale = await gql(SAVE, { input: { ...good, ratings: [{ ...good.ratings[0], score: 9 }] } }, 'ann');
    expect(errorCode(outOfScale)).toBe('BAD_USER_INPUT');
    expect(outOfScale.errors![0]!.extensions.fields).toEqual({
      'input.ratings[0].score': 'must be a whole number from 1 to 4',
    });
    const foreignCriterion = await gql(
      SAVE,
      { input: { ...good, ratings: [{ criterionId: '00000000-0000-4000-8000-000000000000', score: 3 }] } },
      'ann',
    );
    expect(Object.keys(foreignCriterion.errors![0]!.extensions.fields!)).toEqual(['input.ratings[0].criterionId']);
    const foreignSkill = await gql(
      SAVE,
      { input: { ...good, skillVerdicts: [{ skillId: '00000000-0000-4000-8000-000000000000', verdict: 'VERIFIED' }] } },
      'ann',
    );
    expect(Object.keys(foreignSkill.errors![0]!.extensions.fields!)).toEqual(['input.skillVerdicts[0].skillId']);
    expect(errorCode(await gql(SAVE, { input: good }, 'ben'))).toBe('FORBIDDEN');
    expect(
      (await gql(`query ($id: ID!) { interview(id: $id) { scorecards { id } } }`, { id: interviewId })).data!.interview
        .scorecards,
    ).toEqual([]);

    const partial = await gql(
      SAVE,
      { input: { ...good, ratings: good.ratings.slice(1), recommendation: null } },
      'ann',
    );
    const incomplete = await gql(SUBMIT, { input: { scorecardId: partial.data!.saveScorecard.scorecard.id } }, 'ann');
    expect(errorCode(incomplete)).toBe('BAD_USER_INPUT');
    expect(incomplete.errors![0]!.extensions.fields).toEqual({
      ratings: `rate every criterion; missing: ${stage.rubric.criteria[0].name}`,
      recommendation: 'choose a recommendation before submitting',
    });
    const scorecardId = await submitAs('ann', good);
    expect(errorCode(await gql(SUBMIT, { input: { scorecardId } }, 'ann'))).toBe('CONFLICT');
    expect(errorCode(await gql(SAVE, { input: good }, 'ann'))).toBe('CONFLICT');

    const amended = await gql(
      `mutation ($input: AmendScorecardInput!) { amendScorecard(input: $input) { scorecard { recommendation amendments { reason author { email } } } } }`,
      { input: { scorecardId, reason: 'Re-read my notes', recommendation: 'STRONG_YES' } },
      'ann',
    );
    expect(amended.data!.amendScorecard.scorecard).toEqual({
      recommendation: 'STRONG_YES',
      amendments: [{ reason: 'Re-read my notes', author: { email: 'ann@example.com' } }],
    });
    expect(
      errorCode(
        await gql(
          `mutation ($input: AmendScorecardInput!) { amendScorecard(input: $input) { scorecard { id } } }`,
          { input: { scorecardId, reason: 'x' } },
          'ben',
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('keeps per-question ratings, checked against the stage questions and blind until submitted', async () => {
    const applicationId = await applyCandidate('Katherine Johnson');
    const stage = stageOf((await gql(APPLICATION, { id: applicationId })).data!.application.currentStage.id);
    const [q1, q2, q3] = stage.questions.map((question: any) => question.id);
    expect(q3).toBeDefined();
    const otherStageQuestion = plan.stages
      .find((other: any) => other.id !== stage.id && other.questions.length > 0)
      .questions.find((question: any) => !stage.questions.some((own: any) => own.id === question.id)).id;
    const interviewId = await heldInterview(applicationId, ['ann', 'ben']);
    const good = scorecardFor(interviewId, stage, 3);
    const CARD = `scorecard { id status questionRatings { question { id prompt } score note } }`;
    const save = (input: object, who: string) =>
      gql(`mutation ($input: SaveScorecardInput!) { saveScorecard(input: $input) { ${CARD} } }`, { input }, who);

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
    expect(
      (await gql(`query ($id: ID!) { interview(id: $id) { scorecards { id } } }`, { id: interviewId })).data!.interview
        .scorecards,
    ).toEqual([]);

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
    const submitted = await gql(
      `mutation ($input: SubmitScorecardInput!) { submitScorecard(input: $input) { ${CARD} } }`,
      { input: { scorecardId: annCard } },
      'ann',
    );
    expect(submitted.data!.submitScorecard.scorecard).toMatchObject({
      status: 'SUBMITTED',
      questionRatings: [
        { question: { id: q1 }, score: 4, note: 'Clear story' },
        { question: { id: q2 }, score: 2, note: null },
      ],
    });

    // Ben has not submitted: Ann's scorecard, question ratings included, stays hidden from him.
    const READ = `query ($id: ID!) { scorecard(id: $id) { questionRatings { question { id } score } } }`;
    expect(errorCode(await gql(READ, { id: annCard }, 'ben'))).toBe('FORBIDDEN');
    await submitAs('ben', { ...good, questionRatings: [{ questionId: q3, score: 3 }] });
    expect((await gql(READ, { id: annCard }, 'ben')).data!.scorecard.questionRatings).toEqual([
      { question: { id: q1 }, score: 4 },
      { question: { id: q2 }, score: 2 },
    ]);
    // The team reads every scorecard of the interview with its question ratings.
    const both = await gql(
      `query ($id: ID!) { interview(id: $id) { scorecards { questionRatings { question { id } score } } } }`,
      { id: interviewId },
      'manager',
    );
    expect(both.data!.interview.scorecards.map((card: any) => card.questionRatings.length).sort()).toEqual([1, 2]);

    // An amendment checks the new ratings and keeps the old ones in its history.
    const AMEND = `mutation ($input: AmendScorecardInput!) { amendScorecard(input: $input) { ${CARD} } }`;
    const badAmend = await gql(
      AMEND,
      {
        input: {
          scorecardId: annCard,
          reason: 'typo',
          questionRatings: [{ questionId: otherStageQuestion, score: 3 }],
        },
      },
      'ann',
    );
    expect(Object.keys(badAmend.errors![0]!.extensions.fields!)).toEqual(['input.questionRatings[0].questionId']);
    const amended = await gql(
      AMEND,
      { input: { scorecardId: annCard, reason: 'Re-read my notes', questionRatings: [{ questionId: q2, score: 3 }] } },
      'ann',
    );
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
    const kept = await gql(AMEND, { input: { scorecardId: annCard, reason: 'Notes', notes: 'More notes' } }, 'ann');
    expect(kept.data!.amendScorecard.scorecard.questionRatings).toHaveLength(1);
  });

  it('refuses to submit before the interview started or after it was cancelled', async () => {
    const applicationId = await applyCandidate('Linus Early');
    const stage = stageOf((await gql(APPLICATION, { id: applicationId })).data!.application.currentStage.id);
    const scheduled = await gql(
      `mutation ($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { interview { id } } }`,
      {
        input: {
          applicationId,
          startsAt: hoursFromNow(24).toISOString(),
          endsAt: hoursFromNow(25).toISOString(),
          interviewerIds: [people.ann!.id],
        },
      },
    );
    const interviewId = scheduled.data!.scheduleInterview.interview.id;
    const saved = await gql(SAVE, { input: scorecardFor(interviewId, stage, 3) }, 'ann');
    expect(saved.data!.saveScorecard.scorecard.dueAt).toBe(
      new Date(Date.parse(saved.data!.saveScorecard.scorecard.dueAt)).toISOString(),
    );
    const early = await gql(SUBMIT, { input: { scorecardId: saved.data!.saveScorecard.scorecard.id } }, 'ann');
    expect(errorCode(early)).toBe('CONFLICT');
    await gql(`mutation ($input: CancelInterviewInput!) { cancelInterview(input: $input) { interview { status } } }`, {
      input: { interviewId, reason: 'moved' },
    });
    expect(errorCode(await gql(SAVE, { input: scorecardFor(interviewId, stage, 3) }, 'ann'))).toBe('CONFLICT');
  });

  it('applies an automatic decision once, however often its job runs', async () => {
    const applicationId = await applyCandidate('Barbara Liskov');
    const first = stageOf((await gql(APPLICATION, { id: applicationId })).data!.application.currentStage.id);
    const interviewId = await heldInterview(applicationId, ['ann']);
    await complete(interviewId);
    await submitAs('ann', scorecardFor(interviewId, first, 4));
    const moved = await waitForStage(applicationId, (application) => application.currentStage?.id !== first.id);
    const decision = await api.orm.em.fork().findOneOrFail(StageDecision, { application: applicationId });
    const processor = worker.get(StageDecisionProcessor);
    await processor.process({ name: 'pipeline.apply-stage-decision', data: { decisionId: decision.id } } as never);
    await processor.process({ name: 'pipeline.apply-stage-decision', data: { decisionId: decision.id } } as never);
    const after = (await gql(APPLICATION, { id: applicationId })).data!.application;
    expect(after.stageHistory).toHaveLength(moved.stageHistory.length);
    expect(after.version).toBe(moved.version);
  });

  // The worker runs transitions too (StageDecisionProcessor): the modules that fill the pipeline's
  // hooks must be loaded there, or a decision carried out by the worker would behave differently.
  it('runs the same transition hooks in the worker: a rejection cancels open interviews, a hire checks skills', async () => {
    const applicationId = await applyCandidate('Ada Worker');
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
    const scheduled = await gql(
      `mutation ($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { interview { id status } } }`,
      {
        input: {
          applicationId,
          startsAt: hoursFromNow(48).toISOString(),
          endsAt: hoursFromNow(49).toISOString(),
          interviewerIds: [people.ann!.id],
        },
      },
    );
    const interviewId = scheduled.data!.scheduleInterview.interview.id;

    await worker
      .get(StageDecisionProcessor)
      .process({ name: 'pipeline.apply-stage-decision', data: { decisionId: decision.id } } as never);
    const after = await gql(
      `query ($id: ID!) { application(id: $id) { status interviews { id status cancelReason } } }`,
      { id: applicationId },
    );
    expect(after.data!.application).toEqual({
      status: 'REJECTED',
      interviews: [{ id: interviewId, status: 'CANCELLED', cancelReason: 'The application was rejected.' }],
    });
    const panelists = await api.orm.em.fork().find(InterviewPanelist, { interview: interviewId });
    expect(panelists.map((panelist) => panelist.blocksCalendar)).toEqual([false]);

    // Past every stage without verifying a must-verify skill: the worker's pipeline refuses the hire.
    const hopeful = await applyCandidate('Bea Worker');
    for (const _stage of plan.stages) {
      const skipped = await gql(
        `mutation ($input: SkipStageInput!) { skipStage(input: $input) { application { status } } }`,
        { input: { applicationId: hopeful, reason: 'fast track' } },
      );
      expect(skipped.errors).toBeUndefined();
    }
    await expect(worker.get(PipelineService).transition(SYSTEM_ACTOR, hopeful, 'hire')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Cannot hire yet: these must-verify skills are not verified'),
    });
  });
});
