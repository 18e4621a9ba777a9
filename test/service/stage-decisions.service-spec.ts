import {
  InterviewStatus,
  Recommendation,
  RejectionReason,
  SkillVerdict,
  StageDecisionOutcome,
} from '../../libs/domain';
import { OutboxMessage } from '../../libs/jobs';
import { actorOf, ServiceContext } from '../../libs/testing';
import type { PlanStage } from '../../src/modules/catalog';
import type { User } from '../../src/modules/identity';
import { Notification } from '../../src/modules/notifications';
import { Application, PipelineModule, PipelineService, StageDecision } from '../../src/modules/pipeline';
import type { Position } from '../../src/modules/positions';
import { InterviewBookingService, SchedulingModule, type Interview } from '../../src/modules/scheduling';
import {
  ScorecardsModule,
  ScorecardsService,
  StageDecisionService,
  type Scorecard,
} from '../../src/modules/scorecards';

interface CardSpec {
  score: number;
  recommendation?: Recommendation;
  skillVerdict?: SkillVerdict;
}

describe('StageDecisionService: the decision once the panel has submitted', () => {
  const context = new ServiceContext([PipelineModule, SchedulingModule, ScorecardsModule]);
  let scorecards: ScorecardsService;
  let recruiter: User;
  let manager: User;
  let ann: User;
  let ben: User;
  let position: Position;
  /** The built-in plan: HR screen (automatic), technical interview (manual, verifies must-verify skills), ... */
  let screen: PlanStage;
  let technical: PlanStage;

  beforeAll(async () => {
    await context.start();
    scorecards = context.get(ScorecardsService);
  });
  afterAll(() => context.close());
  beforeEach(async () => {
    await context.reset();
    const { factories } = context;
    recruiter = await factories.recruiter({ email: 'rita@example.com' });
    manager = await factories.hiringManager({ email: 'harold@example.com' });
    ann = await factories.interviewer({ email: 'ann@example.com', name: 'ann' });
    ben = await factories.interviewer({ email: 'ben@example.com', name: 'ben' });
    position = await factories.position({ hiringManager: manager, recruiters: [recruiter] });
    const stages = await factories.stagesOf(position);
    screen = stages[0]!;
    technical = stages[1]!;
  });

  /** An application in the stage with a held interview and the panel's drafts, one per spec. */
  async function panelDrafts(
    stage: PlanStage,
    specs: Array<[User, CardSpec]>,
    status = InterviewStatus.COMPLETED,
  ): Promise<{ application: Application; interview: Interview; drafts: Scorecard[] }> {
    const { factories } = context;
    const stageIndex = (await factories.stagesOf(position)).findIndex((each) => each.id === stage.id);
    const application = await factories.application({ position, stage: stageIndex });
    const interview = await factories.interview({
      application,
      panel: specs.map(([user]) => user),
      when: 'past',
      status,
    });
    const drafts = [];
    for (const [interviewer, spec] of specs)
      drafts.push(await factories.scorecard({ interview, interviewer, ...spec }));
    return { application, interview, drafts };
  }

  const submit = (user: User, scorecard: Scorecard) =>
    context.request(() => scorecards.submit(actorOf(user), scorecard.id));
  const decisionsOf = (application: Application) => context.em().find(StageDecision, { application: application.id });
  const notificationsAbout = (application: Application) =>
    context.em().find(Notification, { link: application.id }, { orderBy: { key: 'asc' } });
  const jobsFor = (decision: StageDecision) =>
    context
      .em()
      .find(OutboxMessage, { jobName: 'pipeline.apply-stage-decision', payload: { decisionId: decision.id } });

  it('decides nothing until every panelist has submitted', async () => {
    const { application, drafts } = await panelDrafts(technical, [
      [ann, { score: 4 }],
      [ben, { score: 3 }],
    ]);
    await submit(ann, drafts[0]!);
    expect(await decisionsOf(application)).toEqual([]);
    await submit(ben, drafts[1]!);
    expect(await decisionsOf(application)).toHaveLength(1);
  });

  it.each<[string, CardSpec, CardSpec, StageDecisionOutcome, RejectionReason | null, number, string]>([
    [
      'both meet the bar',
      { score: 4 },
      { score: 3 },
      StageDecisionOutcome.PASSED,
      null,
      3.5,
      'Weighted average 3.5 reaches the threshold 2.75',
    ],
    [
      'the average is below the threshold',
      { score: 2, skillVerdict: SkillVerdict.VERIFIED },
      { score: 2, recommendation: Recommendation.NO, skillVerdict: SkillVerdict.VERIFIED },
      StageDecisionOutcome.FAILED,
      RejectionReason.BELOW_BAR,
      2,
      'Weighted average 2 is below the threshold 2.75',
    ],
    [
      'a STRONG_NO, whatever the scores',
      { score: 4 },
      { score: 4, recommendation: Recommendation.STRONG_NO },
      StageDecisionOutcome.FAILED,
      RejectionReason.STRONG_NO,
      4,
      'STRONG_NO from ben',
    ],
    [
      'a must-verify skill left unverified',
      { score: 4, skillVerdict: SkillVerdict.NOT_VERIFIED },
      { score: 4, skillVerdict: SkillVerdict.NOT_VERIFIED },
      StageDecisionOutcome.FAILED,
      RejectionReason.SKILL_NOT_VERIFIED,
      4,
      'Must-verify skill "Backend development" is not verified',
    ],
  ])('decides the manual stage when %s', async (_case, annCard, benCard, outcome, reasonCode, average, reason) => {
    const { application, drafts } = await panelDrafts(technical, [
      [ann, annCard],
      [ben, benCard],
    ]);
    await submit(ann, drafts[0]!);
    await submit(ben, drafts[1]!);

    const [decision] = await decisionsOf(application);
    expect(decision).toMatchObject({
      stage: { id: technical.id },
      outcome,
      reasonCode,
      average,
      automatic: false,
      appliedAt: null,
    });
    expect(decision!.reasons).toContain(reason);
    // A manual stage waits for a person: the hiring team is told, no job is queued, nothing moves.
    expect((await notificationsAbout(application)).map((note) => [note.user.id, note.kind]).sort()).toEqual(
      [
        [manager.id, 'STAGE_DECISION_WAITING'],
        [recruiter.id, 'STAGE_DECISION_WAITING'],
      ].sort(),
    );
    expect(await jobsFor(decision!)).toEqual([]);
    expect(await context.em().findOneOrFail(Application, application.id)).toMatchObject({
      currentStage: { id: technical.id },
      version: 1,
    });
  });

  it('queues the apply job for an automatic stage through the outbox, and notifies nobody', async () => {
    const { application, drafts } = await panelDrafts(screen, [
      [ann, { score: 4, recommendation: Recommendation.STRONG_YES }],
    ]);
    await submit(ann, drafts[0]!);

    const [decision] = await decisionsOf(application);
    expect(decision).toMatchObject({ outcome: StageDecisionOutcome.PASSED, automatic: true, appliedAt: null });
    expect(await jobsFor(decision!)).toEqual([
      expect.objectContaining({ jobId: `stage-decision.${decision!.id}`, relayedAt: null }),
    ]);
    expect(await notificationsAbout(application)).toEqual([]);
    // The job carries it out, not the submission.
    expect(await context.em().findOneOrFail(Application, application.id)).toMatchObject({
      currentStage: { id: screen.id },
      version: 1,
    });
  });

  it('waits for a held interview to be completed before deciding', async () => {
    const { application, interview, drafts } = await panelDrafts(
      screen,
      [[ann, { score: 3 }]],
      InterviewStatus.SCHEDULED,
    );
    await submit(ann, drafts[0]!);
    expect(await decisionsOf(application)).toEqual([]);

    await context.request(() =>
      context.get(InterviewBookingService).complete(actorOf(ann), { interviewId: interview.id }),
    );
    expect(await decisionsOf(application)).toEqual([
      expect.objectContaining({ outcome: StageDecisionOutcome.PASSED, automatic: true }),
    ]);
  });

  it('re-evaluates on an amendment before the decision is applied, and leaves it alone afterwards', async () => {
    const { application, drafts } = await panelDrafts(technical, [
      [ann, { score: 4 }],
      [ben, { score: 4 }],
    ]);
    await submit(ann, drafts[0]!);
    await submit(ben, drafts[1]!);
    const [passed] = await decisionsOf(application);
    expect(passed).toMatchObject({ outcome: StageDecisionOutcome.PASSED, reasonCode: null });

    const amend = (recommendation: Recommendation) =>
      context.request(() => scorecards.amend(actorOf(ben), drafts[1]!.id, 'Re-read my notes', { recommendation }));
    await amend(Recommendation.STRONG_NO);
    expect(await decisionsOf(application)).toEqual([
      expect.objectContaining({
        id: passed!.id,
        outcome: StageDecisionOutcome.FAILED,
        reasonCode: RejectionReason.STRONG_NO,
        appliedAt: null,
      }),
    ]);
    // The team was told once, when the decision was first made.
    expect(await notificationsAbout(application)).toHaveLength(2);

    // The hiring manager overrules it: the decision is settled, as advice not followed.
    await context.request(() =>
      context.get(PipelineService).act(actorOf(manager), application.id, 'advance', { reason: 'Panel agrees' }),
    );
    const [applied] = await decisionsOf(application);
    expect(applied).toMatchObject({ outcome: StageDecisionOutcome.FAILED, outcomeApplied: false });
    expect(applied!.appliedAt).toBeInstanceOf(Date);

    await amend(Recommendation.YES);
    expect(await decisionsOf(application)).toEqual([
      expect.objectContaining({
        id: passed!.id,
        outcome: StageDecisionOutcome.FAILED,
        appliedAt: applied!.appliedAt,
      }),
    ]);
  });

  it('is idempotent: evaluating a decided manual stage again changes nothing', async () => {
    const { application, drafts } = await panelDrafts(technical, [[ann, { score: 3 }]]);
    await submit(ann, drafts[0]!);
    const [decision] = await decisionsOf(application);

    const evaluate = () =>
      context.em().transactional((em) => context.get(StageDecisionService).evaluate(em, application.id, technical.id));
    expect(await evaluate()).toMatchObject({ id: decision!.id, outcome: decision!.outcome });
    await evaluate();
    expect(await decisionsOf(application)).toEqual([
      expect.objectContaining({ id: decision!.id, outcome: decision!.outcome, average: decision!.average }),
    ]);
    expect(await notificationsAbout(application)).toHaveLength(2);
  });

  it('is idempotent for an automatic stage: one decision, and every message carries its one job id', async () => {
    const { application, drafts } = await panelDrafts(screen, [[ann, { score: 3 }]]);
    await submit(ann, drafts[0]!);
    const [decision] = await decisionsOf(application);

    await context.em().transactional((em) => context.get(StageDecisionService).evaluate(em, application.id, screen.id));
    expect(await decisionsOf(application)).toEqual([expect.objectContaining({ id: decision!.id })]);
    // The relay replaces a waiting job of the same id, so the job runs once.
    const jobIds = (await jobsFor(decision!)).map((message) => message.jobId);
    expect(new Set(jobIds)).toEqual(new Set([`stage-decision.${decision!.id}`]));
  });
});
