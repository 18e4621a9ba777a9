import {
  ApplicationStatus,
  InterviewStatus,
  RejectionReason,
  ScorecardStatus,
  StageOutcome,
  type PipelineAction,
} from '../../libs/domain';
import { actorOf, ServiceContext } from '../../libs/testing';
import type { PlanStage } from '../../src/modules/catalog';
import type { User } from '../../src/modules/identity';
import {
  Application,
  ApplicationTransition,
  PipelineModule,
  PipelineService,
  StageVisit,
  type TransitionRequest,
} from '../../src/modules/pipeline';
import type { Position } from '../../src/modules/positions';
import { Interview, InterviewBookingService, InterviewPanelist, SchedulingModule } from '../../src/modules/scheduling';
import { ScorecardsModule } from '../../src/modules/scorecards';

describe('PipelineService: transitions against PostgreSQL', () => {
  // As in the worker: scheduling and scorecards fill the pipeline's hooks.
  const context = new ServiceContext([PipelineModule, SchedulingModule, ScorecardsModule]);
  let pipeline: PipelineService;
  let recruiter: User;
  let manager: User;
  let ines: User;
  let position: Position;
  let stages: PlanStage[];

  beforeAll(async () => {
    await context.start();
    pipeline = context.get(PipelineService);
  });
  afterAll(() => context.close());
  beforeEach(async () => {
    await context.reset();
    const { factories } = context;
    recruiter = await factories.recruiter({ email: 'rita@example.com' });
    manager = await factories.hiringManager({ email: 'harold@example.com' });
    ines = await factories.interviewer({ email: 'ines@example.com' });
    const template = await factories.planTemplate({
      stages: [{ name: 'Screen' }, { name: 'Technical' }, { name: 'Final' }],
      skills: [{ name: 'SQL', verifiedIn: [1] }],
    });
    position = await factories.position({ template, hiringManager: manager, recruiters: [recruiter] });
    stages = await factories.stagesOf(position);
  });

  const act = (user: User, applicationId: string, action: PipelineAction, request: TransitionRequest = {}) =>
    context.request(() => pipeline.act(actorOf(user), applicationId, action, request));
  const reload = (id: string) => context.em().findOneOrFail(Application, id);
  const visitsOf = (id: string) =>
    context.em().find(StageVisit, { application: id }, { orderBy: { enteredAt: 'asc' } });
  const actionsOf = async (id: string) =>
    (await context.em().find(ApplicationTransition, { application: id })).map((entry) => entry.action).sort();

  it('advances: the open visit closes PASSED, the next stage opens, and the log names who did it', async () => {
    const application = await context.factories.application({ position });
    const moved = await act(recruiter, application.id, 'advance', { reason: 'clear communicator' });
    expect(moved).toMatchObject({ status: ApplicationStatus.ACTIVE, version: 2 });

    expect(await reload(application.id)).toMatchObject({ version: 2, currentStage: { id: stages[1]!.id } });
    const visits = await visitsOf(application.id);
    expect(visits.map((visit) => [visit.stage.id, visit.outcome, visit.exitedAt !== null])).toEqual([
      [stages[0]!.id, StageOutcome.PASSED, true],
      [stages[1]!.id, null, false],
    ]);
    expect(visits[0]).toMatchObject({
      decidedBy: { id: recruiter.id },
      reason: 'clear communicator',
      reasonCode: null,
    });
    const log = await context.em().find(ApplicationTransition, { application: application.id, action: 'advance' });
    expect(log).toEqual([
      expect.objectContaining({
        fromStageId: stages[0]!.id,
        toStageId: stages[1]!.id,
        actor: expect.objectContaining({ id: recruiter.id }),
        reason: 'clear communicator',
      }),
    ]);
  });

  it('advances past the last stage into no stage, where only the hire remains', async () => {
    const application = await context.factories.application({ position, stage: 2 });
    await act(recruiter, application.id, 'advance');
    expect(await reload(application.id)).toMatchObject({ status: ApplicationStatus.ACTIVE, currentStage: null });
    expect((await visitsOf(application.id)).every((visit) => visit.outcome === StageOutcome.PASSED)).toBe(true);

    await expect(act(recruiter, application.id, 'advance')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message:
        'Cannot advance: the application is ACTIVE after the last stage. Allowed now: reject, withdraw, hold, hire.',
    });
  });

  it.each([
    [RejectionReason.SKILLS_GAP, RejectionReason.SKILLS_GAP],
    [undefined, RejectionReason.OTHER],
  ])('rejects with the reason code %s: the visit closes FAILED with %s', async (given, stored) => {
    const application = await context.factories.application({ position, stage: 1 });
    await act(manager, application.id, 'reject', { reason: 'not enough depth', reasonCode: given });

    const decided = await reload(application.id);
    expect(decided).toMatchObject({ status: ApplicationStatus.REJECTED, currentStage: null, version: 2 });
    expect(decided.decidedAt).toBeInstanceOf(Date);
    expect((await visitsOf(application.id)).at(-1)).toMatchObject({
      stage: { id: stages[1]!.id },
      outcome: StageOutcome.FAILED,
      reason: 'not enough depth',
      reasonCode: stored,
      decidedBy: { id: manager.id },
    });
  });

  it('refuses a rejection without a reason and changes nothing', async () => {
    const application = await context.factories.application({ position });
    await expect(act(recruiter, application.id, 'reject', { reason: '  ' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'input.reason': 'A reason is required to reject.' },
    });
    expect(await reload(application.id)).toMatchObject({ status: ApplicationStatus.ACTIVE, version: 1 });
    expect((await visitsOf(application.id)).map((visit) => visit.outcome)).toEqual([null]);
    expect(await actionsOf(application.id)).toEqual(['apply']);
  });

  it('withdraws an application on hold: the visit closes WITHDRAWN without a reason code', async () => {
    const application = await context.factories.application({ position, status: ApplicationStatus.ON_HOLD });
    await act(recruiter, application.id, 'withdraw');
    const decided = await reload(application.id);
    expect(decided).toMatchObject({ status: ApplicationStatus.WITHDRAWN, currentStage: null });
    expect(decided.decidedAt).toBeInstanceOf(Date);
    expect(await visitsOf(application.id)).toEqual([
      expect.objectContaining({ outcome: StageOutcome.WITHDRAWN, reasonCode: null }),
    ]);
  });

  it('holds with the visit left open, refuses to advance while on hold, and resumes the same visit', async () => {
    const application = await context.factories.application({ position });
    const [open] = await visitsOf(application.id);
    await act(recruiter, application.id, 'hold');
    expect(await reload(application.id)).toMatchObject({ status: ApplicationStatus.ON_HOLD, version: 2 });
    expect(await visitsOf(application.id)).toEqual([expect.objectContaining({ id: open!.id, exitedAt: null })]);

    await expect(act(recruiter, application.id, 'advance')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Cannot advance: the application is ON_HOLD at stage 1 of 3. Allowed now: reject, withdraw, resume.',
    });
    await act(recruiter, application.id, 'resume');
    expect(await reload(application.id)).toMatchObject({ status: ApplicationStatus.ACTIVE, version: 3 });
    expect(await visitsOf(application.id)).toEqual([expect.objectContaining({ id: open!.id, exitedAt: null })]);
    await act(recruiter, application.id, 'advance');
    expect(await actionsOf(application.id)).toEqual(['advance', 'apply', 'hold', 'resume']);
  });

  it('skips a stage only with a reason: the visit closes SKIPPED and the next opens', async () => {
    const application = await context.factories.application({ position });
    await expect(act(recruiter, application.id, 'skip')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await act(recruiter, application.id, 'skip', { reason: 'internal referral' });
    expect((await visitsOf(application.id)).map((visit) => [visit.outcome, visit.reason, visit.reasonCode])).toEqual([
      [StageOutcome.SKIPPED, 'internal referral', null],
      [null, null, null],
    ]);
    expect(await reload(application.id)).toMatchObject({ currentStage: { id: stages[1]!.id } });
  });

  it('hires only once every must-verify skill is verified (the scorecards module gates it)', async () => {
    const application = await context.factories.application({ position, stage: 'done' });
    await expect(act(manager, application.id, 'hire')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Cannot hire yet: these must-verify skills are not verified: SQL (NOT_ASSESSED).',
    });
    expect(await reload(application.id)).toMatchObject({ status: ApplicationStatus.ACTIVE, decidedAt: null });

    // A submitted scorecard of the stage that verifies SQL records the verdict.
    const interview = await context.factories.interview({ application, panel: [ines], when: 'past', stage: stages[1] });
    await context.factories.scorecard({ interview, interviewer: ines, status: ScorecardStatus.SUBMITTED, score: 4 });
    await act(manager, application.id, 'hire');
    const hired = await reload(application.id);
    expect(hired.status).toBe(ApplicationStatus.HIRED);
    expect(hired.decidedAt).toBeInstanceOf(Date);
  });

  it('refuses an expectedVersion that is no longer current with CONFLICT and changes nothing', async () => {
    const application = await context.factories.application({ position });
    await act(recruiter, application.id, 'advance', { expectedVersion: 1 });
    await expect(
      act(recruiter, application.id, 'reject', { reason: 'late', expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    expect(await reload(application.id)).toMatchObject({ status: ApplicationStatus.ACTIVE, version: 2 });
    expect(await actionsOf(application.id)).toEqual(['advance', 'apply']);
  });

  it('lets one of two simultaneous transitions win; the other is a CONFLICT and leaves no trace', async () => {
    const applications = await Promise.all(
      Array.from({ length: 4 }, () => context.factories.application({ position })),
    );
    for (const application of applications) {
      const results = await Promise.allSettled([
        act(recruiter, application.id, 'advance', { expectedVersion: 1 }),
        act(manager, application.id, 'reject', { reason: 'budget', expectedVersion: 1 }),
      ]);
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result) => result.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.map((result) => (result as PromiseRejectedResult).reason.code)).toEqual(['CONFLICT']);

      const winner = (won[0] as PromiseFulfilledResult<Application>).value;
      const actions = await actionsOf(application.id);
      expect(await reload(application.id)).toMatchObject({ version: 2, status: winner.status });
      expect(actions).toEqual(
        winner.status === ApplicationStatus.REJECTED ? ['apply', 'reject'] : ['advance', 'apply'],
      );
      expect(await visitsOf(application.id)).toHaveLength(winner.status === ApplicationStatus.REJECTED ? 1 : 2);
    }
  });

  it('answers CONFLICT at once while another transaction holds the application (NOWAIT)', async () => {
    const application = await context.factories.application({ position });
    await context.em().transactional(async (em) => {
      await em.execute('select id from application where id = ? for update', [application.id]);
      await expect(act(recruiter, application.id, 'advance')).rejects.toMatchObject({
        code: 'CONFLICT',
        message: 'Someone else is changing this application right now; reload it and try again.',
      });
    });
    expect(await reload(application.id)).toMatchObject({ version: 1 });
  });

  it.each<[PipelineAction, string]>([
    ['reject', 'The application was rejected.'],
    ['withdraw', 'The application was withdrawn.'],
  ])('on %s, the decided hook cancels open interviews and frees their panel', async (action, cancelReason) => {
    const lars = await context.factories.interviewer({ email: 'lars@example.com' });
    const application = await context.factories.application({ position, stage: 1 });
    const held = await context.factories.interview({ application, panel: [ines], when: 'past', stage: stages[0] });
    const open = await context.factories.interview({ application, panel: [ines, lars] });

    await act(recruiter, application.id, action, { reason: 'position filled' });
    const em = context.em();
    expect(await em.findOneOrFail(Interview, open.id)).toMatchObject({
      status: InterviewStatus.CANCELLED,
      cancelReason,
      sequence: 1,
    });
    expect(
      (await em.find(InterviewPanelist, { interview: open.id })).map((panelist) => panelist.blocksCalendar),
    ).toEqual([false, false]);
    expect(await em.findOneOrFail(Interview, held.id)).toMatchObject({
      status: InterviewStatus.COMPLETED,
      sequence: 0,
    });

    // The panel's calendar is free again at that time.
    const other = await context.factories.application({ position });
    const rebooked = await context.request(() =>
      context.get(InterviewBookingService).schedule(actorOf(recruiter), {
        applicationId: other.id,
        startsAt: open.startsAt,
        endsAt: open.endsAt,
        interviewerIds: [ines.id, lars.id],
      }),
    );
    expect(rebooked.status).toBe(InterviewStatus.SCHEDULED);
  });

  it('keeps open interviews when the application is only put on hold', async () => {
    const application = await context.factories.application({ position });
    const open = await context.factories.interview({ application, panel: [ines] });
    await act(recruiter, application.id, 'hold');
    expect(await context.em().findOneOrFail(Interview, open.id)).toMatchObject({
      status: InterviewStatus.SCHEDULED,
      sequence: 0,
    });
  });
});
