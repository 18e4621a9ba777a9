import { InterviewStatus, ScorecardStatus, StageDecisionOutcome } from '../../libs/domain';
import { Factories, TestApi } from '../../libs/testing';
import { User } from '../../src/modules/identity';
import { Notification, NOTIFICATION_KIND_NAMES } from '../../src/modules/notifications';
import { Application, StageDecision, StageVisit } from '../../src/modules/pipeline';
import type { Position } from '../../src/modules/positions';
import { PlanStage } from '../../src/modules/catalog';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

const SECTION = `count items { application { id } interview { id scorecards { id } } since waitingFor { id name } }`;
const WORK_QUEUE = `query { myWorkQueue {
  toSchedule { ${SECTION} } overdueScorecards { ${SECTION} } stalled { ${SECTION} }
  decisionsWaiting { ${SECTION} } awaitingHire { ${SECTION} } } }`;

type Item = {
  application: { id: string };
  interview: { id: string; scorecards: Array<{ id: string }> } | null;
  waitingFor: Array<{ id: string; name: string }>;
};
type Section = { count: number; items: Item[] };
type Queue = Record<'toSchedule' | 'overdueScorecards' | 'stalled' | 'decisionsWaiting' | 'awaitingHire', Section>;

describe('myWorkQueue: one definition of overdue and stalled (issue 11)', () => {
  const api = new TestApi();
  let factories: Factories;
  let recruiter: User;
  let manager: User;
  let panelist: User;
  let secondPanelist: User;
  let otherRecruiter: User;
  let position: Position;
  let stages: PlanStage[];
  const token: Record<string, string> = {};
  const apps: Record<string, Application> = {};

  const queueOf = async (who: string): Promise<Queue> => {
    const response = await api.gql(WORK_QUEUE, {}, token[who]);
    expect(response.errors).toBeUndefined();
    return (response.data as { myWorkQueue: Queue }).myWorkQueue;
  };
  const enteredAt = (application: Application, at: Date) =>
    factories.em().nativeUpdate(StageVisit, { application: application.id, exitedAt: null }, { enteredAt: at });

  beforeAll(async () => {
    await api.start();
    await api.reset();
    factories = new Factories(api.orm);
    recruiter = await factories.recruiter();
    manager = await factories.hiringManager();
    panelist = await factories.interviewer();
    secondPanelist = await factories.interviewer();
    otherRecruiter = await factories.recruiter();
    position = await factories.position({
      template: await factories.planTemplate(),
      hiringManager: manager,
      recruiters: [recruiter],
    });
    stages = await factories.stagesOf(position);
    // The second stage has its own SLA of 2 days; the first uses STAGE_SLA_DAYS (7).
    await factories.em().nativeUpdate(PlanStage, { id: stages[1]!.id }, { slaDays: 2 });
    for (const [who, user] of Object.entries({ recruiter, manager, panelist, otherRecruiter })) {
      token[who] = await api.login(user.email);
    }

    // Ten days in stage 1, nothing scheduled: to schedule, and stalled (past 7 days).
    apps.old = await factories.application({ position });
    await enteredAt(apps.old, daysAgo(10));
    // Fresh in stage 1, nothing scheduled: to schedule only.
    apps.fresh = await factories.application({ position });
    // Three days in stage 2 (SLA 2 days) with nothing scheduled: stalled by the stage's own SLA.
    apps.slaStage = await factories.application({ position, stage: 1 });
    await enteredAt(apps.slaStage, daysAgo(3));
    // Thirty days in stage 2 but an interview is scheduled: neither stalled nor to schedule.
    apps.scheduled = await factories.application({ position, stage: 1 });
    await enteredAt(apps.scheduled, daysAgo(30));
    await factories.interview({ application: apps.scheduled, panel: [panelist] });
    // Held two days ago, scorecard due 24 h after the end, one panelist only saved a draft, the
    // other submitted: overdue, waiting for the first.
    apps.overdue = await factories.application({ position });
    const start = daysAgo(2);
    const held = await factories.interview({
      application: apps.overdue,
      panel: [panelist, secondPanelist],
      when: { startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) },
      status: InterviewStatus.COMPLETED,
    });
    await factories.scorecard({ interview: held, interviewer: panelist, status: ScorecardStatus.DRAFT });
    await factories.scorecard({ interview: held, interviewer: secondPanelist, status: ScorecardStatus.SUBMITTED });
    // Held three days ago with the recruiter on the panel: the other panelist submitted, the recruiter
    // did not, so blind review hides the submitted card from the recruiter; overdue, waiting for the recruiter.
    apps.recruiterOnPanel = await factories.application({ position });
    const earlier = daysAgo(3);
    const sat = await factories.interview({
      application: apps.recruiterOnPanel,
      panel: [recruiter, secondPanelist],
      when: { startsAt: earlier, endsAt: new Date(earlier.getTime() + 3_600_000) },
      status: InterviewStatus.COMPLETED,
    });
    await factories.scorecard({ interview: sat, interviewer: secondPanelist, status: ScorecardStatus.SUBMITTED });
    // Held an hour ago: not due yet.
    apps.notDue = await factories.application({ position });
    await factories.interview({
      application: apps.notDue,
      panel: [panelist],
      when: { startsAt: new Date(Date.now() - 7_200_000), endsAt: new Date(Date.now() - 3_600_000) },
      status: InterviewStatus.COMPLETED,
    });
    // Whole panel submitted, decision computed for a person.
    apps.decision = await factories.application({ position });
    const em = factories.em();
    const visit = await em.findOneOrFail(StageVisit, { application: apps.decision.id, exitedAt: null });
    em.persist(
      new StageDecision({
        visit,
        application: em.getReference(Application, apps.decision.id),
        stage: em.getReference(PlanStage, stages[0]!.id),
        outcome: StageDecisionOutcome.PASSED,
        average: 3,
        reasons: ['Above the bar'],
        automatic: false,
      }),
    );
    await em.flush();
    // Past the last stage.
    apps.done = await factories.application({ position, stage: 'done' });
  });
  afterAll(() => api.close());

  const ids = (section: Section) => section.items.map((item) => item.application.id);

  it("lists each section for the position's recruiter, oldest first, with counts", async () => {
    const queue = await queueOf('recruiter');
    expect(ids(queue.toSchedule)).toEqual([apps.old!.id, apps.slaStage!.id, apps.fresh!.id]);
    expect(queue.toSchedule.count).toBe(3);
    expect(ids(queue.stalled)).toEqual([apps.old!.id, apps.slaStage!.id]);
    expect(queue.stalled.count).toBe(2);
    expect({ overdue: ids(queue.overdueScorecards) }).toEqual({
      overdue: [apps.recruiterOnPanel!.id, apps.overdue!.id],
    });
    expect(queue.overdueScorecards.count).toBe(2);
    for (const item of queue.overdueScorecards.items) expect(item.interview).not.toBeNull();
    expect(ids(queue.decisionsWaiting)).toEqual([apps.decision!.id]);
    expect(ids(queue.awaitingHire)).toEqual([apps.done!.id]);
    expect(queue.awaitingHire.count).toBe(1);
  });

  it('names the panelists who owe an overdue scorecard, also where blind review hides the cards', async () => {
    const queue = await queueOf('recruiter');
    const [ownPanel, other] = queue.overdueScorecards.items;
    // One submitted, one only drafted: only the one who did not submit.
    expect(other!.waitingFor).toEqual([{ id: panelist.id, name: panelist.name }]);
    // The recruiter sits on the panel and has not submitted: they cannot see the card that is in,
    // yet the queue still knows it is in and waits for the recruiter alone.
    expect(ownPanel!.interview!.scorecards).toEqual([]);
    expect(ownPanel!.waitingFor).toEqual([{ id: recruiter.id, name: recruiter.name }]);
    // The other sections wait for nobody by name.
    for (const name of ['toSchedule', 'stalled', 'decisionsWaiting', 'awaitingHire'] as const) {
      for (const item of queue[name].items) expect(item.waitingFor).toEqual([]);
    }
  });

  it("is the same for the position's hiring manager", async () => {
    const queue = await queueOf('manager');
    expect(queue.stalled.count).toBe(2);
    expect(queue.overdueScorecards.count).toBe(2);
    expect(queue.overdueScorecards.items.map((item) => item.waitingFor.map((person) => person.id))).toEqual([
      [recruiter.id],
      [panelist.id],
    ]);
  });

  it('is empty for people who neither recruit for nor manage the position', async () => {
    for (const who of ['otherRecruiter', 'panelist']) {
      const queue = await queueOf(who);
      for (const section of Object.values(queue)) expect(section).toEqual({ count: 0, items: [] });
    }
  });

  it('needs a signed-in user', async () => {
    const response = await api.gql(WORK_QUEUE, {});
    expect(response.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('notification preferences and markAllNotificationsRead (issue 11)', () => {
  const api = new TestApi();
  let factories: Factories;
  let user: User;
  let token: string;

  beforeAll(async () => {
    await api.start();
    await api.reset();
    factories = new Factories(api.orm);
    user = await factories.interviewer();
    token = await api.login(user.email);
  });
  afterAll(() => api.close());

  const PREFERENCES = `query { myNotificationPreferences { kind email } }`;
  const UPDATE = `mutation($input: NotificationPreferencesInput!) {
    updateMyNotificationPreferences(input: $input) { preferences { kind email } } }`;

  it('lists every kind of the closed list with e-mail on, and turns e-mail off per kind', async () => {
    const before = await api.gql(PREFERENCES, {}, token);
    expect(before.data?.myNotificationPreferences).toEqual(
      NOTIFICATION_KIND_NAMES.map((kind) => ({ kind, email: true })),
    );
    const updated = await api.gql(UPDATE, { input: { preferences: [{ kind: 'SCORECARD_DUE', email: false }] } }, token);
    expect(updated.errors).toBeUndefined();
    const after = await api.gql(PREFERENCES, {}, token);
    expect(after.data?.myNotificationPreferences).toContainEqual({ kind: 'SCORECARD_DUE', email: false });
    expect(after.data?.myNotificationPreferences).toContainEqual({ kind: 'INTERVIEW_REMINDER', email: true });
  });

  it('refuses an unknown kind with BAD_USER_INPUT and changes nothing', async () => {
    const response = await api.gql(
      UPDATE,
      {
        input: {
          preferences: [
            { kind: 'INTERVIEW_REMINDER', email: false },
            { kind: 'NO_SUCH_KIND', email: false },
          ],
        },
      },
      token,
    );
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('NO_SUCH_KIND');
    const after = await api.gql(PREFERENCES, {}, token);
    expect(after.data?.myNotificationPreferences).toContainEqual({ kind: 'INTERVIEW_REMINDER', email: true });
  });

  it("marks the caller's unread notifications read, only those before `before` when given", async () => {
    const other = await factories.interviewer();
    const em = factories.em();
    const make = (owner: User, key: string, createdAt: Date) => {
      const notification = new Notification({
        user: em.getReference(User, owner.id),
        key,
        kind: 'SCORECARD_DUE',
        subject: 'Reminder: scorecard due',
        body: 'Submit it',
      });
      notification.createdAt = createdAt;
      em.persist(notification);
    };
    make(user, 'a', daysAgo(3));
    make(user, 'b', daysAgo(1));
    make(other, 'c', daysAgo(3));
    await em.flush();
    const MARK = `mutation($input: MarkAllNotificationsReadInput) { markAllNotificationsRead(input: $input) { marked } }`;
    const first = await api.gql(MARK, { input: { before: daysAgo(2).toISOString() } }, token);
    expect(first.data?.markAllNotificationsRead).toEqual({ marked: 1 });
    const rest = await api.gql(MARK, {}, token);
    expect(rest.data?.markAllNotificationsRead).toEqual({ marked: 1 });
    const unread = await api.gql(`query { myNotifications(unreadOnly: true) { id } }`, {}, token);
    expect(unread.data?.myNotifications).toEqual([]);
    expect(await factories.em().count(Notification, { user: other.id, readAt: null })).toBe(1);
  });
});
