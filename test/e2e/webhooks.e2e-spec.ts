import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Job } from 'bullmq';
import { Webhook } from 'standardwebhooks';
import { Role, SkillPriority } from '../../libs/domain';
import { enqueueJob } from '../../libs/jobs';
import {
  ADVANCE_APPLICATION,
  applyCandidate,
  CANCEL_INTERVIEW,
  COMPLETE_INTERVIEW,
  CREATE_WEBHOOK_SUBSCRIPTION,
  dataOf,
  heldInterview,
  HIRE_APPLICATION,
  hoursFromNow,
  loadBuiltInPlan,
  openPositionFromBuiltInPlan,
  REJECT_APPLICATION,
  REPLAY_WEBHOOK_DELIVERY,
  RESCHEDULE_INTERVIEW,
  scheduleInterview,
  scorecardInput,
  signInPeople,
  submitScorecard,
  TestApi,
  WEBHOOK_DELIVERIES,
  type Person,
  type PlanFields,
} from '../../libs/testing';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { SkillRequirement } from '../../src/modules/catalog';
import { JobHeartbeat } from '../../src/modules/system';
import { WebhookDelivery, WebhookDeliveryProcessor, WebhookEvent, WebhooksService } from '../../src/modules/webhooks';
import { createWorkerApp } from '../../src/worker';

// The receiver runs on 127.0.0.1; production refuses such URLs (SSRF).
process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';

interface Received {
  path: string;
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The parsed body, when its Standard Webhooks signature verified with the path's secret. */
  verified: { type: string; timestamp: string; data: Record<string, unknown> } | null;
}

/** A local endpoint: `/ok/*` answers 204, `/fail/*` 500 while `failing`, `/slow/*` never answers. */
class Receiver {
  readonly received: Received[] = [];
  readonly secrets = new Map<string, string>();
  failing = true;
  private server!: Server;
  baseUrl = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '';
        const body = Buffer.concat(chunks).toString('utf8');
        let verified: Received['verified'] = null;
        try {
          const secret = this.secrets.get(path);
          if (secret) verified = new Webhook(secret).verify(body, request.headers as Record<string, string>) as never;
        } catch {
          verified = null;
        }
        this.received.push({ path, at: Date.now(), headers: request.headers, body, verified });
        if (path.startsWith('/slow/')) return; // never answers
        response.statusCode = path.startsWith('/fail/') && this.failing ? 500 : 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  at(path: string): Received[] {
    return this.received.filter((entry) => entry.path === path);
  }

  reset(): void {
    this.received.length = 0;
    this.secrets.clear();
    this.failing = true;
  }
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('outbound webhooks', () => {
  const api = new TestApi();
  const receiver = new Receiver();
  let worker: INestApplicationContext;
  let config: AppConfig;
  let people: Record<'admin' | 'recruiter' | 'manager' | 'ann', Person>;
  let positionId: string;
  let plan: PlanFields;

  beforeAll(async () => {
    await receiver.start();
    await api.start();
    config = loadConfig();
    // Seconds instead of hours: 200 ms doubling to 1 s, dead after 4 s, a request times out after 2.5 s.
    worker = await createWorkerApp({
      ...config,
      outboxPollMs: 50,
      worker: { ...config.worker, heartbeatIntervalSeconds: 1 },
      webhooks: { timeoutMs: 2500, retryWindowMs: 4000, backoffBaseMs: 200, backoffMaxMs: 1000, concurrency: 4 },
    });
    await worker.init();
  });
  afterAll(async () => {
    await receiver.close();
    await worker.close();
    await api.close();
  });
  beforeEach(async () => {
    await api.reset();
    receiver.reset();
    await loadBuiltInPlan(api);
    people = await signInPeople(api, {
      admin: [Role.ADMIN],
      recruiter: [Role.RECRUITER],
      manager: [Role.HIRING_MANAGER],
      ann: [Role.INTERVIEWER],
    });
    const position = await openPositionFromBuiltInPlan(people.recruiter, {
      hiringManagerId: people.manager.id,
      recruiterIds: [people.recruiter.id],
    });
    positionId = position.id;
    plan = position.plan;
  });

  async function subscribe(path: string, events: WebhookEvent[] = Object.values(WebhookEvent)): Promise<string> {
    const created = dataOf(
      await people.admin.gql(CREATE_WEBHOOK_SUBSCRIPTION, { input: { url: `${receiver.baseUrl}${path}`, events } }),
      'Creating a webhook subscription',
    ).createWebhookSubscription;
    expect(created.secret).toMatch(/^whsec_/);
    receiver.secrets.set(path, created.secret);
    return created.subscription.id;
  }

  const deliveries = async (status?: string) =>
    dataOf(await people.admin.gql(WEBHOOK_DELIVERIES, { status: status ?? null, first: 100 }), 'Listing deliveries')
      .webhookDeliveries;

  const apply = (name = 'Zed Secretname', email = 'zed.secret@example.org') =>
    applyCandidate(people.recruiter, positionId, { name, email });

  it('sends every kind of event, signed per Standard Webhooks, with ids and states but no candidate details', async () => {
    await subscribe('/ok/all');
    const applicationId = await apply();

    // interview.scheduled, interview.rescheduled, interview.cancelled
    const booked = dataOf(
      await scheduleInterview(people.recruiter, {
        applicationId,
        startsAt: hoursFromNow(30),
        endsAt: hoursFromNow(31),
        interviewerIds: [people.ann.id],
      }),
      'Scheduling',
    ).scheduleInterview.interview;
    dataOf(
      await people.recruiter.gql(RESCHEDULE_INTERVIEW, {
        input: {
          interviewId: booked.id,
          startsAt: hoursFromNow(40).toISOString(),
          endsAt: hoursFromNow(41).toISOString(),
        },
      }),
      'Rescheduling',
    );
    dataOf(
      await people.recruiter.gql(CANCEL_INTERVIEW, { input: { interviewId: booked.id, reason: 'Zed is ill' } }),
      'Cancelling',
    );

    // scorecard.submitted, stage.decision_ready and the automatic advance (the HR screen advances by itself).
    const first = plan.stages[0]!;
    const interviewId = await heldInterview(api, people.recruiter, applicationId, [people.ann.id]);
    dataOf(await people.recruiter.gql(COMPLETE_INTERVIEW, { input: { interviewId } }), 'Completing');
    await submitScorecard(people.ann, scorecardInput(plan, first, interviewId, 4, 'STRONG_YES'));
    const automatic = await waitFor('the automatic advance', () =>
      receiver.at('/ok/all').find((entry) => entry.verified?.type === 'application.stage_changed'),
    );
    expect(automatic.verified!.data).toMatchObject({
      applicationId,
      positionId,
      action: 'advance',
      automatic: true,
      fromStageId: first.id,
      toStageId: plan.stages[1]!.id,
      status: 'ACTIVE',
    });

    // A person advances, then rejects: application.stage_changed, application.rejected.
    dataOf(await people.recruiter.gql(ADVANCE_APPLICATION, { input: { applicationId } }), 'Advancing');
    dataOf(
      await people.recruiter.gql(REJECT_APPLICATION, {
        input: { applicationId, reason: 'Zed chose another offer', reasonCode: 'SALARY_EXPECTATIONS' },
      }),
      'Rejecting',
    );

    const types = await waitFor('every event', () => {
      const seen = receiver.at('/ok/all').map((entry) => entry.verified?.type);
      const wanted = [
        'interview.scheduled',
        'interview.rescheduled',
        'interview.cancelled',
        'scorecard.submitted',
        'stage.decision_ready',
        'application.stage_changed',
        'application.rejected',
      ];
      return wanted.every((type) => seen.includes(type)) &&
        seen.filter((type) => type === 'application.stage_changed').length === 2
        ? seen
        : null;
    });
    // Every request verified with the subscription's secret: the headers and body are as signed.
    expect(receiver.at('/ok/all').every((entry) => entry.verified !== null)).toBe(true);
    expect(types).not.toContain(undefined);
    for (const entry of receiver.at('/ok/all')) {
      expect(entry.headers['webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(entry.headers['webhook-signature']).toMatch(/^v1,/);
    }

    const byType = (type: string) =>
      receiver.at('/ok/all').find((entry) => entry.verified?.type === type)!.verified!.data;
    expect(byType('interview.rescheduled')).toMatchObject({
      interviewId: booked.id,
      applicationId,
      positionId,
      stageId: first.id,
      status: 'SCHEDULED',
      sequence: 1,
      interviewerIds: [people.ann.id],
    });
    expect(byType('interview.cancelled')).toMatchObject({ interviewId: booked.id, status: 'CANCELLED', sequence: 2 });
    expect(byType('scorecard.submitted')).toMatchObject({ interviewId, applicationId, interviewerId: people.ann.id });
    expect(byType('stage.decision_ready')).toMatchObject({
      applicationId,
      stageId: first.id,
      outcome: 'PASSED',
      automatic: true,
    });
    expect(byType('application.rejected')).toMatchObject({
      applicationId,
      action: 'reject',
      status: 'REJECTED',
      automatic: false,
      rejectionReason: 'SALARY_EXPECTATIONS',
    });

    // Nothing about the candidate but ids: no name, no e-mail, no free text (reasons, scorecard notes).
    const everything = JSON.stringify([
      receiver.received.map((entry) => entry.body),
      await api.orm.em.fork().find(WebhookDelivery, {}),
    ]);
    for (const secret of ['Zed', 'Secretname', 'zed.secret@example.org', 'is ill', 'another offer', 'Seen:']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('sends application.hired when a person hires', async () => {
    await subscribe('/ok/hired', [WebhookEvent.APPLICATION_HIRED]);
    const applicationId = await apply();
    // Straight past every stage: no skill is must-verify here, so the hire gate does not stop it.
    await api.orm.em.fork().nativeUpdate(SkillRequirement, {}, { priority: SkillPriority.GOOD_TO_VERIFY });
    for (let stage = 0; stage < plan.stages.length; stage++) {
      dataOf(await people.recruiter.gql(ADVANCE_APPLICATION, { input: { applicationId } }), 'Advancing');
    }
    dataOf(await people.manager.gql(HIRE_APPLICATION, { input: { applicationId } }), 'Hiring');
    const entry = await waitFor('application.hired', () => receiver.at('/ok/hired')[0]);
    expect(entry.verified).toMatchObject({
      type: 'application.hired',
      data: { applicationId, positionId, status: 'HIRED', previousStatus: 'ACTIVE', action: 'hire' },
    });
    // Only the subscribed event reached this endpoint (no stage_changed from the advances).
    expect(receiver.at('/ok/hired')).toHaveLength(1);
  });

  it('retries a failing endpoint with growing delays, dead-letters it, and an admin replays it once it works', async () => {
    await subscribe('/fail/one', [WebhookEvent.APPLICATION_REJECTED]);
    const applicationId = await apply();
    dataOf(await people.recruiter.gql(REJECT_APPLICATION, { input: { applicationId, reason: 'no' } }), 'Rejecting');

    const [dead] = await waitFor('the dead letter', async () => {
      const failed = await deliveries('FAILED');
      return failed.length ? failed : null;
    });
    expect(dead).toMatchObject({ event: 'APPLICATION_REJECTED', status: 'FAILED', lastError: 'HTTP 500' });
    const attempts = receiver.at('/fail/one');
    expect(dead!.attempts).toBe(attempts.length);
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    // Exponential backoff: each wait at least as long as the one before (within scheduling jitter),
    // the later ones clearly longer than the first.
    const gaps = attempts.slice(1).map((entry, index) => entry.at - attempts[index]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(150);
    for (let index = 1; index < gaps.length; index++) expect(gaps[index]!).toBeGreaterThan(gaps[index - 1]! * 0.8);
    expect(gaps.at(-1)!).toBeGreaterThan(gaps[0]! * 2.5);
    // All attempts carry the same webhook-id, so the receiver can tell them apart from new events.
    expect(new Set(attempts.map((entry) => entry.headers['webhook-id'])).size).toBe(1);
    expect(await deliveries('PENDING')).toEqual([]);
    expect(await deliveries('DELIVERED')).toEqual([]);

    // Stays dead: no more attempts.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(receiver.at('/fail/one')).toHaveLength(attempts.length);

    receiver.failing = false;
    const replayed = dataOf(
      await people.admin.gql(REPLAY_WEBHOOK_DELIVERY, { input: { deliveryId: dead!.id } }),
      'Replaying',
    ).replayWebhookDelivery.delivery;
    expect(replayed).toMatchObject({ id: dead!.id, status: 'PENDING', attempts: 0 });
    const [delivered] = await waitFor('the replayed delivery', async () => {
      const done = await deliveries('DELIVERED');
      return done.length ? done : null;
    });
    expect(delivered).toMatchObject({ id: dead!.id, attempts: 1, lastError: null });
    const last = receiver.at('/fail/one').at(-1)!;
    expect(last.verified).toMatchObject({ type: 'application.rejected', data: { applicationId } });
    expect(last.headers['webhook-id']).toBe(dead!.id);
    expect(await deliveries('FAILED')).toEqual([]);
  });

  it('records and sends one delivery per subscriber, however often the event or its job runs', async () => {
    await subscribe('/ok/a', [WebhookEvent.SLA_BREACHED]);
    await subscribe('/ok/b', [WebhookEvent.SLA_BREACHED]);
    const processor = worker.get(WebhookDeliveryProcessor);
    const webhooks = worker.get(WebhooksService);
    const orm = worker.get(MikroORM);
    // Hold the queue so that the duplicate runs below race each other, not an earlier run.
    await processor.worker.pause(true);
    try {
      // The same event recorded by a job that ran twice (same key): one delivery per subscription.
      for (let run = 0; run < 2; run++) {
        await orm.em
          .fork()
          .transactional((em) =>
            webhooks.emit(em as EntityManager, WebhookEvent.SLA_BREACHED, 'sla.test.1', { applicationId: 'x' }),
          );
      }
      const rows = await orm.em.fork().find(WebhookDelivery, {});
      expect(rows).toHaveLength(2);
      // Each delivery's job delivered twice at once (and once more later, by the resumed queue).
      const job = (deliveryId: string) =>
        ({ name: 'webhooks.deliver', data: { deliveryId } }) as Job<{ deliveryId: string }>;
      await Promise.all(rows.flatMap((row) => [processor.process(job(row.id)), processor.process(job(row.id))]));
      // And a redelivery through BullMQ under another job id.
      await orm.em.fork().transactional(async (em) => {
        for (const row of rows)
          enqueueJob(em, 'webhooks.deliver', { deliveryId: row.id }, { jobId: `again.${row.id}` });
      });
    } finally {
      void processor.worker.resume();
    }
    await waitFor('both deliveries', async () => (await deliveries('DELIVERED')).length === 2);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.at('/ok/a')).toHaveLength(1);
    expect(receiver.at('/ok/b')).toHaveLength(1);
  });

  it('lets a slow endpoint hold only its own requests: other deliveries and other queues go on', async () => {
    await subscribe('/slow/1', [WebhookEvent.APPLICATION_REJECTED]);
    await subscribe('/slow/2', [WebhookEvent.APPLICATION_REJECTED]);
    await subscribe('/ok/fast', [WebhookEvent.APPLICATION_REJECTED]);
    const heartbeat = async () =>
      (await api.orm.em.fork().findOne(JobHeartbeat, { jobName: 'system.heartbeat' }))?.lastRunAt.getTime() ?? 0;
    const applicationId = await apply();
    dataOf(await people.recruiter.gql(REJECT_APPLICATION, { input: { applicationId, reason: 'no' } }), 'Rejecting');

    // Both slow endpoints have the request and are not answering it.
    await waitFor('the slow requests', () => receiver.at('/slow/1').length && receiver.at('/slow/2').length);
    const slowSince = Math.min(receiver.at('/slow/1')[0]!.at, receiver.at('/slow/2')[0]!.at);
    // The fast endpoint got its delivery well before the slow requests time out (2.5 s)...
    const fast = await waitFor('the fast delivery', () => receiver.at('/ok/fast')[0]);
    expect(fast.at - slowSince).toBeLessThan(1500);
    // ...and another queue's job (the heartbeat, every second) runs while they hang.
    const before = await heartbeat();
    await waitFor('a heartbeat while the endpoints hang', async () => (await heartbeat()) > before, 2000);
    expect(Date.now() - slowSince).toBeLessThan(2500);
    expect(receiver.at('/slow/1')).toHaveLength(1);

    // The slow attempts time out and are retried like any failure.
    await waitFor('a second attempt at a slow endpoint', () => receiver.at('/slow/1').length >= 2, 8000);
    const rows = await api.orm.em.fork().find(WebhookDelivery, { subscription: { url: { $like: '%/slow/%' } } });
    expect(rows.every((row) => row.attempts >= 1 && /timeout|abort/i.test(row.lastError ?? ''))).toBe(true);
  });
});
