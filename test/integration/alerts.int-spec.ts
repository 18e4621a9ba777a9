import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { Queue } from 'bullmq';
import { InterviewStatus, ScorecardStatus } from '../../libs/domain';
import { OutboxMessage, OutboxRelay, QueueName } from '../../libs/jobs';
import { actorOf, Factories, resetDatabase } from '../../libs/testing';
import { loadConfig } from '../../src/config/app-config';
import { ScorecardReminders, StalledApplications, scorecardReminderJobId } from '../../src/modules/alerts';
import { User } from '../../src/modules/identity';
import { Notification } from '../../src/modules/notifications';
import type { Position } from '../../src/modules/positions';
import { Interview, InterviewBookingService } from '../../src/modules/scheduling';
import { Scorecard } from '../../src/modules/scorecards';
import { WebhookDelivery, WebhookEvent, WebhookSubscription } from '../../src/modules/webhooks';
import { bindWork, WORK_SQL } from '../../src/modules/work-queue';
import { createWorkerApp } from '../../src/worker';

const INTERVAL_MS = 1500;

async function waitFor<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('scorecard reminders, escalation and stalled applications (a worker in this process)', () => {
  let worker: INestApplicationContext;
  let orm: MikroORM;
  let factories: Factories;
  let queue: Queue;
  let recruiter: User;
  let manager: User;
  let ann: User;
  let ben: User;
  let cleo: User;
  let position: Position;

  beforeAll(async () => {
    const config = loadConfig();
    worker = await createWorkerApp({
      ...config,
      outboxPollMs: 100,
      jobs: {
        ...config.jobs,
        scorecardReminderIntervalMs: INTERVAL_MS,
        reconcileIntervalSeconds: 3600,
        slaSweepIntervalSeconds: 3600,
      },
    });
    orm = worker.get(MikroORM);
    queue = worker.get(getQueueToken(QueueName.SCORECARD_REMINDERS), { strict: false });
  });
  afterAll(() => worker.close());
  beforeEach(async () => {
    await resetDatabase(orm);
    await queue.obliterate({ force: true });
    factories = new Factories(orm);
    recruiter = await factories.recruiter({ email: 'rita@example.com' });
    manager = await factories.hiringManager({ email: 'harold@example.com' });
    ann = await factories.interviewer({ email: 'ann@example.com', name: 'ann' });
    ben = await factories.interviewer({ email: 'ben@example.com', name: 'ben' });
    cleo = await factories.interviewer({ email: 'cleo@example.com', name: 'cleo' });
    position = await factories.position({ hiringManager: manager, recruiters: [recruiter] });
    // Cards due when the interview ends (0 hours allowed).
    await orm.em.fork().execute('update plan_stage set feedback_due_hours = 0 where plan_id = ?', [position.plan.id]);
  });

  const notifications = (kind: string) =>
    orm.em.fork().find(Notification, { kind }, { orderBy: { key: 'asc' }, populate: ['user'] });
  const keysOf = async (kind: string) =>
    (await notifications(kind)).map((n) => `${n.key.split('.').slice(0, 3).join('.')}:${n.user.name}`).sort();

  /** A held interview (started, not yet completed) of the second stage with ann, ben and cleo on the panel. */
  async function heldInterview(): Promise<Interview> {
    const application = await factories.application({ position, stage: 1 });
    return factories.interview({
      application,
      panel: [ann, ben, cleo],
      when: 'past',
      status: InterviewStatus.SCHEDULED,
    });
  }

  const complete = (interview: Interview) =>
    RequestContext.create(orm.em, () =>
      worker
        .get(InterviewBookingService, { strict: false })
        .complete(actorOf(recruiter), { interviewId: interview.id }),
    );

  it('reminds unsubmitted panelists (draft or not) at the due time and every interval, escalates once after two reminders', async () => {
    const interview = await heldInterview();
    await factories.scorecard({ interview, interviewer: ben }); // a draft: still owed
    await factories.scorecard({ interview, interviewer: cleo, status: ScorecardStatus.SUBMITTED });
    await complete(interview);

    await waitFor(
      async () => (await queue.getJobState(scorecardReminderJobId(interview.id, 3))) === 'completed',
      20_000,
    );
    const id = interview.id;
    expect(await keysOf('SCORECARD_DUE')).toEqual(
      [1, 2, 3].flatMap((round) => [`scorecard-due.${id}.${round}:ann`, `scorecard-due.${id}.${round}:ben`]).sort(),
    );
    const escalations = await notifications('SCORECARD_ESCALATION');
    expect(escalations.map((n) => n.user.id).sort()).toEqual([manager.id, recruiter.id].sort());
    expect(escalations.every((n) => n.link === id)).toBe(true);
    // The rounds kept the interval (the card was due hours ago: one reminder to catch up, not a burst).
    const firsts = await Promise.all([1, 2, 3].map((round) => queue.getJob(scorecardReminderJobId(id, round))));
    const ran = firsts.map((job) => job!.processedOn!);
    expect(ran[1]! - ran[0]!).toBeGreaterThanOrEqual(INTERVAL_MS - 200);
    expect(ran[2]! - ran[1]!).toBeGreaterThanOrEqual(INTERVAL_MS - 200);

    // Both submit: the next round sends nothing and schedules nothing more.
    await orm.em.fork().nativeUpdate(Scorecard, { interview: id }, { status: ScorecardStatus.SUBMITTED });
    await factories.scorecard({ interview, interviewer: ann, status: ScorecardStatus.SUBMITTED });
    await waitFor(async () => (await queue.getJobState(scorecardReminderJobId(id, 4))) === 'completed', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await orm.em.fork().count(Notification, { kind: 'SCORECARD_DUE' })).toBe(6);
    expect(await queue.getJobState(scorecardReminderJobId(id, 5))).toBe('unknown');
    expect(await orm.em.fork().count(Notification, { kind: 'SCORECARD_ESCALATION' })).toBe(2);
  }, 40_000);

  it('sends one notification per panelist and round when a reminder job is delivered twice', async () => {
    const interview = await heldInterview();
    await complete(interview);
    await waitFor(async () => (await queue.getJobState(scorecardReminderJobId(interview.id, 1))) === 'completed');
    // The same job again (another id, the same payload), and the service run directly, concurrently.
    const reminders = worker.get(ScorecardReminders, { strict: false });
    await Promise.allSettled([
      queue.add('scorecards.remind', { interviewId: interview.id, round: 1 }, { jobId: 'duplicate-delivery' }),
      reminders.remind(interview.id, 1),
      reminders.remind(interview.id, 1),
    ]);
    await waitFor(async () => (await queue.getJobState('duplicate-delivery')) === 'completed');
    expect(await keysOf('SCORECARD_DUE')).toEqual(
      ['ann', 'ben', 'cleo'].map((name) => `scorecard-due.${interview.id}.1:${name}`).sort(),
    );
  });

  it('rebuilds the next reminder round from the notifications sent, once, keeping the interval', async () => {
    const owing = await factories.interview({
      application: await factories.application({ position, stage: 1 }),
      panel: [ann],
      when: 'past',
    });
    const settled = await factories.interview({
      application: await factories.application({ position, stage: 1 }),
      panel: [ben],
      when: 'past',
    });
    await factories.scorecard({ interview: settled, interviewer: ben, status: ScorecardStatus.SUBMITTED });
    // Rounds 1 and 2 were sent (the second just now); their jobs are gone from Redis.
    const em = orm.em.fork();
    for (const round of [1, 2]) {
      em.persist(
        new Notification({
          user: em.getReference(User, ann.id),
          key: `scorecard-due.${owing.id}.${round}.${ann.id}`,
          kind: 'SCORECARD_DUE',
          subject: 'Scorecard due',
          body: 'Please submit it.',
        }),
      );
    }
    await em.flush();
    // A queue no worker reads, so the rebuilt job stays where the test can look at it.
    const spare = new Queue('rebuild-check', {
      connection: { url: process.env.REDIS_URL },
      prefix: process.env.QUEUE_PREFIX,
    });
    try {
      const reminders = worker.get(ScorecardReminders, { strict: false });
      expect(await reminders.rebuild(spare)).toBe(1);
      expect(await reminders.rebuild(spare)).toBe(0);
      const job = await spare.getJob(scorecardReminderJobId(owing.id, 3));
      expect(job?.data).toEqual({ interviewId: owing.id, round: 3 });
      expect(job!.delay).toBeGreaterThan(INTERVAL_MS - 1000);
      expect(await spare.getJobCountByTypes('delayed', 'waiting')).toBe(1);
    } finally {
      await spare.obliterate({ force: true });
      await spare.close();
    }
  });

  it('enqueues nothing when the completing transaction rolls back', async () => {
    const interview = await heldInterview();
    const reminders = worker.get(ScorecardReminders, { strict: false });
    await expect(
      orm.em.fork().transactional(async (em) => {
        const loaded = await em.findOneOrFail(Interview, interview.id, { populate: ['stage'] });
        loaded.status = InterviewStatus.COMPLETED;
        reminders.scheduleFirst(em, loaded);
        await em.flush();
        throw new Error('the completion failed');
      }),
    ).rejects.toThrow('the completion failed');
    expect(await orm.em.fork().count(OutboxMessage, { jobName: 'scorecards.remind' })).toBe(0);
    await worker.get(OutboxRelay, { strict: false }).relayPending();
    expect(await queue.getJobState(scorecardReminderJobId(interview.id, 1))).toBe('unknown');
    expect(await orm.em.fork().count(Notification)).toBe(0);
  });

  it('alerts the recruiters of a stalled application and emits sla.breached once per SLA period', async () => {
    const em = orm.em.fork();
    const subscription = new WebhookSubscription({
      url: 'http://127.0.0.1:9/hook',
      events: [WebhookEvent.SLA_BREACHED],
      secret: 'whsec_dGVzdA==',
    });
    // Deliveries are recorded here; nothing listens at the URL, so they stay PENDING.
    await em.persist(subscription).flush();
    const stalled = await factories.application({ position, stage: 0 });
    const fresh = await factories.application({ position, stage: 0 });
    const scheduled = await factories.application({ position, stage: 0 });
    await factories.interview({ application: scheduled, panel: [ann] });
    const enterDaysAgo = (id: string, days: number) =>
      em.execute(
        `update stage_visit set entered_at = now() - make_interval(days => ?) where application_id = ?
        and exited_at is null`,
        [days, id],
      );
    await enterDaysAgo(stalled.id, 8);
    await enterDaysAgo(fresh.id, 6);
    await enterDaysAgo(scheduled.id, 30);

    // The job's rows are the work queue's stalled rows.
    const sweep = worker.get(StalledApplications, { strict: false });
    const bound = bindWork(WORK_SQL.stalled, { now: new Date(), sla: loadConfig().jobs.stageSlaDays });
    const workQueue = await em.execute<Array<{ application_id: string }>>(bound.sql, bound.params);
    expect(workQueue.map((row) => row.application_id)).toEqual([stalled.id]);
    expect(await sweep.sweep()).toBe(1);
    expect(await sweep.sweep()).toBe(1);

    const alerts = await notifications('APPLICATION_STALLED');
    expect(alerts.map((n) => [n.user.id, n.link])).toEqual([[recruiter.id, stalled.id]]);
    let deliveries = await orm.em.fork().find(WebhookDelivery, {}, { orderBy: { createdAt: 'asc' } });
    expect(deliveries.map((d) => [d.event, d.payload])).toEqual([
      [WebhookEvent.SLA_BREACHED, expect.objectContaining({ applicationId: stalled.id, slaDays: 7, period: 1 })],
    ]);
    expect(JSON.stringify(deliveries[0]!.payload)).not.toMatch(/Casey|example\.net/);

    // A second SLA period later: alerted again, once.
    await enterDaysAgo(stalled.id, 15);
    await sweep.sweep();
    await sweep.sweep();
    expect((await notifications('APPLICATION_STALLED')).map((n) => n.key.split('.')[2])).toEqual(['1', '2']);
    deliveries = await orm.em.fork().find(WebhookDelivery, {}, { orderBy: { createdAt: 'asc' } });
    expect(deliveries.map((d) => d.payload.period)).toEqual([1, 2]);
  });
});
