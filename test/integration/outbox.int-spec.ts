import { Test, type TestingModule } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { MikroORM } from '@mikro-orm/postgresql';
import { Worker, type Queue } from 'bullmq';
import { enqueueJob, JobsModule, OutboxMessage, OutboxRelay, QueueName } from '../../libs/jobs';
import { resetDatabase } from '../../libs/testing';
import { loadConfig } from '../../src/config/app-config';
import { CoreModule } from '../../src/core.module';
import { createWorkerApp } from '../../src/worker';

/** The relay and queues without lifecycle hooks, so nothing polls behind the test's back. */
async function relayModule(redisUrl: string): Promise<TestingModule> {
  const config = loadConfig();
  return Test.createTestingModule({
    imports: [
      CoreModule.forRoot(config, 'worker'),
      JobsModule.forRoot({
        redisUrl,
        prefix: config.redis.queuePrefix,
        outboxPollMs: 60_000,
        worker: { concurrency: 1, lockDurationMs: 30_000 },
      }),
    ],
  }).compile();
}

/** The relay's LISTEN connection, seen from PostgreSQL. */
const LISTENING = `select pid from pg_stat_activity where datname = current_database() and query = 'listen outbox_message'`;

/** Polls until `probe` holds; fails after 20 s (far below the 60 s OUTBOX_POLL_MS of these tests). */
async function waitUntil(probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('job outbox', () => {
  let module: TestingModule;
  let orm: MikroORM;
  let queue: Queue;

  beforeAll(async () => {
    module = await relayModule(process.env.REDIS_URL!);
    orm = module.get(MikroORM);
    queue = module.get(getQueueToken(QueueName.SYSTEM));
  });
  afterAll(() => module.close());
  beforeEach(async () => {
    await resetDatabase(orm);
    await queue.obliterate({ force: true });
  });

  const pending = () => orm.em.fork().count(OutboxMessage, { relayedAt: null });

  it('enqueues nothing when the transaction rolls back', async () => {
    await expect(
      orm.em.fork().transactional(async (em) => {
        enqueueJob(em, 'system.heartbeat', {}, { jobId: 'rolled-back' });
        await em.flush();
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await orm.em.fork().count(OutboxMessage)).toBe(0);
    expect(await module.get(OutboxRelay).relayPending()).toBe(0);
    expect(await queue.getJob('rolled-back')).toBeUndefined();
  });

  it('relays a committed job once, under its deterministic id', async () => {
    await orm.em.fork().transactional(async (em) => {
      enqueueJob(em, 'system.heartbeat', {}, { jobId: 'beat.1' });
    });
    const relay = module.get(OutboxRelay);
    expect(await relay.relayPending()).toBe(1);
    expect(await relay.relayPending()).toBe(0);
    const job = await queue.getJob('beat.1');
    expect(job?.name).toBe('system.heartbeat');
    expect(await pending()).toBe(0);
  });

  it('relays a backlog larger than one pass without waiting OUTBOX_POLL_MS between passes', async () => {
    await orm.em.fork().transactional(async (em) => {
      for (let i = 0; i < 250; i += 1) enqueueJob(em, 'system.heartbeat', {}, { jobId: `burst.${i}` });
    });
    const relay = module.get(OutboxRelay);
    // The poll is 60 s here: only passes that follow a full one at once can drain 250 in time.
    relay.onApplicationBootstrap();
    try {
      const deadline = Date.now() + 20_000;
      while ((await pending()) > 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
      expect(await pending()).toBe(0);
      expect(await queue.count()).toBe(250);
    } finally {
      await relay.beforeApplicationShutdown();
    }
  });

  it('replaces a waiting job when the same id is enqueued again (a rescheduled reminder)', async () => {
    const relay = module.get(OutboxRelay);
    const later = new Date(Date.now() + 3_600_000);
    const sooner = new Date(Date.now() + 600_000);
    await orm.em.fork().transactional(async (em) => {
      enqueueJob(em, 'system.heartbeat', {}, { jobId: 'beat.moved', runAt: later });
    });
    await relay.relayPending();
    await orm.em.fork().transactional(async (em) => {
      enqueueJob(em, 'system.heartbeat', {}, { jobId: 'beat.moved', runAt: sooner });
    });
    await relay.relayPending();
    const job = (await queue.getJob('beat.moved'))!;
    expect(job.timestamp + job.delay).toBeLessThan(later.getTime() - 1_000_000);
    expect(await queue.getDelayedCount()).toBe(1);
  });

  it('of several messages with one job id in a pass, relays the newest and marks them all relayed', async () => {
    const relay = module.get(OutboxRelay);
    await orm.em.fork().transactional(async (em) => {
      enqueueJob(em, 'system.heartbeat', {}, { jobId: 'beat.twice', runAt: new Date(Date.now() + 3_600_000) });
      enqueueJob(em, 'system.heartbeat', {}, { jobId: 'beat.other' });
      enqueueJob(em, 'system.heartbeat', {}, { jobId: 'beat.twice', runAt: new Date(Date.now() + 600_000) });
    });
    expect(await relay.relayPending()).toBe(3);
    const job = (await queue.getJob('beat.twice'))!;
    expect(job.delay).toBeLessThan(1_000_000);
    expect(await queue.getDelayedCount()).toBe(1);
    expect(await queue.getJob('beat.other')).toBeDefined();
    expect(await pending()).toBe(0);
  });

  it('leaves the message of an active job pending, and replaces the job once it finished', async () => {
    const relay = module.get(OutboxRelay);
    await queue.add('system.heartbeat', {}, { jobId: 'beat.busy' });
    const worker = new Worker(QueueName.SYSTEM, null, {
      connection: { url: process.env.REDIS_URL! },
      prefix: loadConfig().redis.queuePrefix,
      autorun: false,
    });
    try {
      const active = (await worker.getNextJob('token-1'))!;
      expect(active.id).toBe('beat.busy');
      await orm.em.fork().transactional(async (em) => {
        enqueueJob(em, 'system.heartbeat', {}, { jobId: 'beat.busy', runAt: new Date(Date.now() + 600_000) });
      });
      expect(await relay.relayPending()).toBe(0);
      expect(await pending()).toBe(1);
      await active.moveToCompleted('done', 'token-1', false);
      expect(await relay.relayPending()).toBe(1);
      expect(await (await queue.getJob('beat.busy'))!.getState()).toBe('delayed');
    } finally {
      await worker.close();
    }
  });

  it('relays a committed message at once when PostgreSQL notifies, without waiting OUTBOX_POLL_MS', async () => {
    const relay = module.get(OutboxRelay);
    // The poll is 60 s here; the first pass runs at start, after that only a NOTIFY wakes the relay.
    relay.onApplicationBootstrap();
    try {
      await waitUntil(async () => (await orm.em.fork().getConnection().execute(LISTENING)).length > 0);
      await new Promise((done) => setTimeout(done, 200)); // past the pass that follows LISTEN
      await orm.em.fork().transactional(async (em) => {
        enqueueJob(em, 'system.heartbeat', {}, { jobId: 'beat.notified' });
      });
      await waitUntil(async () => (await queue.getJob('beat.notified')) !== undefined);
      expect(await pending()).toBe(0);
    } finally {
      await relay.beforeApplicationShutdown();
    }
  });

  it('keeps jobs in PostgreSQL while Redis is unreachable and relays them once it is back', async () => {
    await orm.em.fork().transactional(async (em) => {
      enqueueJob(em, 'system.heartbeat', {}, { jobId: 'beat.outage' });
    });
    const broken = await relayModule('redis://127.0.0.1:1');
    try {
      expect(await broken.get(OutboxRelay).relayPending()).toBe(0);
    } finally {
      await broken.close();
    }
    expect(await pending()).toBe(1);

    expect(await module.get(OutboxRelay).relayPending()).toBe(1);
    expect(await queue.getJob('beat.outage')).toBeDefined();
  }, 20_000);

  it('lets the worker process close promptly while the relay is mid-pass (the pool is still open)', async () => {
    // A relay polling every millisecond is nearly always in a pass when the process closes; that
    // pass needs a database connection, so it must end before MikroORM closes its pool.
    const durations: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const worker = await createWorkerApp({ ...loadConfig(), outboxPollMs: 1 });
      await worker.init();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      await worker.close();
      durations.push(Date.now() - started);
    }
    expect(Math.max(...durations)).toBeLessThan(5_000);
  }, 60_000);
});
