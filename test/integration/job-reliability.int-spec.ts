import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { InterviewStatus, StageDecisionOutcome } from '../../libs/domain';
import { OutboxMessage, QueueName } from '../../libs/jobs';
import { ServiceContext } from '../../libs/testing';
import { AlertsModule, ScorecardReminders, scorecardReminderJobId } from '../../src/modules/alerts';
import type { User } from '../../src/modules/identity';
import { Notification } from '../../src/modules/notifications';
import { Application, StageDecision, StageVisit } from '../../src/modules/pipeline';
import type { Position } from '../../src/modules/positions';
import { Interview } from '../../src/modules/scheduling';

const ROOT = join(__dirname, '..', '..');
const PREFIX = process.env.QUEUE_PREFIX!;
const REDIS_URL = process.env.REDIS_URL!;

interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
}

/** Starts src/worker.ts as a real process; resolves once it logged "Worker started". */
function startWorker(env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'src/worker.ts')], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Worker started')) resolve({ child, output: () => output });
    });
    child.on('exit', (code) => reject(new Error(`worker exited early (${code}): ${output}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every key of this test run's prefix (never another run's: the Redis is shared). */
async function prefixKeys(redis: Redis): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...found);
  } while (cursor !== '0');
  return keys;
}

describe('job reliability (worker processes, real PostgreSQL and Redis)', () => {
  const context = new ServiceContext([AlertsModule]);
  const redis = new Redis(REDIS_URL);
  const queues = Object.values(QueueName).map(
    (name) => new Queue(name, { connection: { url: REDIS_URL }, prefix: PREFIX }),
  );
  const reminderQueue = queues[Object.values(QueueName).indexOf(QueueName.SCORECARD_REMINDERS)]!;
  const workers: ChildProcess[] = [];
  let recruiter: User;
  let manager: User;
  let ann: User;
  let position: Position;

  beforeAll(() => context.start());
  afterAll(async () => {
    await Promise.all(queues.map((queue) => queue.close()));
    redis.disconnect();
    await context.close();
  });
  beforeEach(async () => {
    await context.reset();
    for (const queue of queues) await queue.obliterate({ force: true });
    const { factories } = context;
    recruiter = await factories.recruiter({ email: 'rita@example.com' });
    manager = await factories.hiringManager({ email: 'harold@example.com' });
    ann = await factories.interviewer({ email: 'ann@example.com', name: 'ann' });
    position = await factories.position({ hiringManager: manager, recruiters: [recruiter] });
    await context.em().execute('update plan_stage set feedback_due_hours = 0 where plan_id = ?', [position.plan.id]);
  });
  afterEach(async () => {
    for (const child of workers.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited(child);
      }
    }
  });

  const spawnWorker = async (env: Record<string, string> = {}) => {
    const worker = await startWorker(env);
    workers.push(worker.child);
    return worker;
  };

  /**
   * `count` completed interviews with ann on the panel and no card, due `dueInMs` from now, each
   * with its first reminder in the outbox (as completing the interview leaves it).
   */
  async function completedInterviews(count: number, dueInMs: number): Promise<Interview[]> {
    const { factories } = context;
    const interviews: Interview[] = [];
    for (let index = 0; index < count; index += 1) {
      const application = await factories.application({ position, stage: 1 });
      interviews.push(
        await factories.interview({ application, panel: [ann], when: 'past', status: InterviewStatus.COMPLETED }),
      );
    }
    const em = context.em();
    await em.execute(`update interview set ends_at = now() + make_interval(secs => ?) where id in (?)`, [
      dueInMs / 1000,
      interviews.map((interview) => interview.id),
    ]);
    const reminders = context.get(ScorecardReminders);
    await em.transactional(async (tx) => {
      const loaded = await tx.find(Interview, { id: { $in: interviews.map((i) => i.id) } }, { populate: ['stage'] });
      for (const interview of loaded) reminders.scheduleFirst(tx, interview);
    });
    return interviews;
  }

  /** The first-round reminders sent, by interview. */
  async function firstRounds(): Promise<Map<string, number>> {
    const rows = await context.em().execute<Array<{ interview: string; sent: string }>>(
      `select split_part(key, '.', 2) as interview, count(*) as sent from notification
          where kind = 'SCORECARD_DUE' and split_part(key, '.', 3) = '1' group by 1`,
    );
    return new Map(rows.map((row) => [row.interview, Number(row.sent)]));
  }

  const expectEachOnce = async (interviews: Interview[]) => {
    const sent = await firstRounds();
    expect(sent.size).toBe(interviews.length);
    expect([...sent.values()].every((count) => count === 1)).toBe(true);
    expect(await context.em().count(Notification, { kind: 'SCORECARD_DUE' })).toBe(interviews.length);
  };

  it('SIGKILL in the middle of a batch of due reminders: after a restart each is sent exactly once', async () => {
    // Enough that the kill lands mid-batch even though the relay hands them all over in one pass.
    const interviews = await completedInterviews(240, -1000);
    const settings = { WORKER_CONCURRENCY: '1', WORKER_LOCK_DURATION_MS: '1000' };
    const doomed = await spawnWorker(settings);
    const atKill = await waitFor(
      async () => {
        // Kill at the first sign of progress.
        const sent = await context.em().count(Notification, { kind: 'SCORECARD_DUE' });
        return sent >= 1 && sent;
      },
      30_000,
      10,
    );
    doomed.child.kill('SIGKILL');
    await exited(doomed.child);
    expect(atKill).toBeLessThan(interviews.length); // killed mid-batch

    await spawnWorker(settings);
    await waitFor(async () => (await firstRounds()).size === interviews.length, 60_000);
    await sleep(1000);
    await expectEachOnce(interviews);
  }, 120_000);

  it('two worker processes on one Redis: each reminder is sent once', async () => {
    const interviews = await completedInterviews(40, 2000);
    await Promise.all([spawnWorker(), spawnWorker()]);
    await waitFor(async () => (await firstRounds()).size === interviews.length, 30_000);
    await sleep(1500);
    await expectEachOnce(interviews);
    expect(await reminderQueue.getFailedCount()).toBe(0);
  }, 90_000);

  it('Redis loses everything after the jobs were relayed: the reconciler rebuilds them, nothing lost, nothing twice', async () => {
    // The worker first: the reminders must still be waiting in Redis when it loses them.
    await spawnWorker({ RECONCILE_INTERVAL_SECONDS: '1', HEARTBEAT_INTERVAL_SECONDS: '1' });
    const interviews = await completedInterviews(10, 10_000);
    // An automatic decision whose job was relayed (outbox row marked) and then lost.
    const { factories } = context;
    const decided = await factories.application({ position, stage: 0 });
    const em = context.em();
    const visit = await em.findOneOrFail(
      StageVisit,
      { application: decided.id, exitedAt: null },
      { populate: ['stage'] },
    );
    const decision = new StageDecision({
      visit,
      application: em.getReference(Application, decided.id),
      stage: visit.stage,
      outcome: StageDecisionOutcome.PASSED,
      average: 4,
      reasons: ['Weighted average 4 reaches the threshold 3'],
      automatic: true,
    });
    em.persist(decision);
    em.persist(
      Object.assign(
        new OutboxMessage({
          jobName: 'pipeline.apply-stage-decision',
          jobId: `stage-decision.${decision.id}`,
          payload: { decisionId: decision.id },
        }),
        { relayedAt: new Date() },
      ),
    );
    await em.flush();

    await waitFor(async () => (await context.em().count(OutboxMessage, { relayedAt: null })) === 0);
    await waitFor(async () => (await reminderQueue.getDelayedCount()) === interviews.length);
    await waitFor(async () => (await context.em().findOneOrFail(StageDecision, decision.id)).appliedAt);

    // Redis loses every key of this run (a flush, or a restart without persistence).
    const keys = await prefixKeys(redis);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys);
    // A second automatic decision, relayed and lost the same way while Redis was empty.
    const second = await factories.application({ position, stage: 0 });
    const secondVisit = await em.findOneOrFail(
      StageVisit,
      { application: second.id, exitedAt: null },
      { populate: ['stage'] },
    );
    const secondDecision = new StageDecision({
      visit: secondVisit,
      application: em.getReference(Application, second.id),
      stage: secondVisit.stage,
      outcome: StageDecisionOutcome.PASSED,
      average: 4,
      reasons: ['Weighted average 4 reaches the threshold 3'],
      automatic: true,
    });
    await em.persist(secondDecision).flush();

    await waitFor(async () => (await firstRounds()).size === interviews.length, 30_000);
    await waitFor(async () => (await context.em().findOneOrFail(StageDecision, secondDecision.id)).appliedAt, 15_000);
    // The schedules are back, the heartbeat runs again.
    const system = queues[Object.values(QueueName).indexOf(QueueName.SYSTEM)]!;
    const privacy = queues[Object.values(QueueName).indexOf(QueueName.PRIVACY)]!;
    const sla = queues[Object.values(QueueName).indexOf(QueueName.SLA)]!;
    expect(await system.getJobScheduler('system.heartbeat')).toBeDefined();
    expect(await privacy.getJobScheduler('privacy.retention-sweep')).toBeDefined();
    expect(await sla.getJobScheduler('work.sla-sweep')).toBeDefined();
    const flushedAt = Date.now();
    await waitFor(async () => {
      const [beat] = await context
        .em()
        .execute<Array<{ last_run_at: Date }>>(
          `select last_run_at from job_heartbeat where job_name = 'system.heartbeat'`,
        );
      return beat && new Date(beat.last_run_at).getTime() > flushedAt;
    }, 10_000);
    // Several reconciler passes later: still once each, the applied decision not applied again.
    await sleep(3000);
    await expectEachOnce(interviews);
    const transitions = await context
      .em()
      .execute<Array<{ n: string }>>(
        `select count(*) as n from application_transition where application_id = ? and action = 'advance'`,
        [decided.id],
      );
    expect(Number(transitions[0]!.n)).toBe(1);
  }, 120_000);

  it('Redis connections killed mid-run: delayed reminders still fire on time', async () => {
    // The worker first: its start-up must not count as lateness.
    const worker = await spawnWorker();
    const dueAt = Date.now() + 8000;
    const interviews = await completedInterviews(5, 8000);
    await waitFor(async () => (await reminderQueue.getDelayedCount()) === interviews.length);
    // Only this worker process's connections (found by its pid), never another client of the shared Redis.
    const port = new URL(REDIS_URL).port || '6379';
    const addresses = execFileSync('ss', ['-tnpH', 'dst', `127.0.0.1:${port}`], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(`pid=${worker.child.pid},`))
      .map((line) => line.trim().split(/\s+/)[3]!);
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) await redis.client('KILL', 'ADDR', address).catch(() => undefined);

    await waitFor(async () => (await firstRounds()).size === interviews.length, 20_000);
    await expectEachOnce(interviews);
    const jobs = await Promise.all(interviews.map((i) => reminderQueue.getJob(scorecardReminderJobId(i.id, 1))));
    // On time: within a reconnect and one fetch retry (1 s; BullMQ's default would add 15 s), with
    // room for a machine shared by several test runs.
    for (const job of jobs) expect(job!.processedOn! - (job!.timestamp + job!.delay)).toBeLessThan(10_000);
    expect(Math.min(...jobs.map((job) => job!.processedOn!))).toBeGreaterThanOrEqual(dueAt - 1000);
  }, 60_000);

  it('keeps only ids in job payloads: no candidate name or e-mail anywhere under the run prefix', async () => {
    const candidate = await context.factories.candidate({ name: 'Zelda Quasimodo', email: 'zelda.q@private.example' });
    const application = await context.factories.application({ position, candidate, stage: 1 });
    const interview = await context.factories.interview({
      application,
      panel: [ann],
      when: 'past',
      status: InterviewStatus.COMPLETED,
    });
    await context.em().execute(`update interview set ends_at = now() + interval '1 hour' where id = ?`, [interview.id]);
    await context.em().transactional(async (em) => {
      const loaded = await em.findOneOrFail(Interview, interview.id, { populate: ['stage'] });
      context.get(ScorecardReminders).scheduleFirst(em, loaded);
    });
    await spawnWorker();
    await waitFor(async () => (await reminderQueue.getDelayedCount()) === 1);
    const keys = await prefixKeys(redis);
    let dump = '';
    for (const key of keys) {
      const type = await redis.type(key);
      if (type === 'hash') dump += JSON.stringify(await redis.hgetall(key));
      else if (type === 'string') dump += await redis.get(key);
      else if (type === 'list') dump += (await redis.lrange(key, 0, -1)).join();
      else if (type === 'zset') dump += (await redis.zrange(key, '0', '-1')).join();
      else if (type === 'set') dump += (await redis.smembers(key)).join();
      else if (type === 'stream') dump += JSON.stringify(await redis.xrange(key, '-', '+'));
    }
    expect(dump).toContain(interview.id);
    expect(dump).not.toMatch(/Zelda|Quasimodo|zelda\.q@private\.example/i);
  }, 60_000);

  it('refuses to start against a Redis whose maxmemory-policy is not noeviction (a Redis of its own, on a free port)', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const evicting = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'allkeys-lru',
      ],
      { stdio: 'ignore' },
    );
    try {
      await waitFor(async () => {
        const probe = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, retryStrategy: () => null });
        const up = await probe.connect().then(
          () => true,
          () => false,
        );
        probe.disconnect();
        return up;
      }, 10_000);
      const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'src/worker.ts')], {
        cwd: ROOT,
        env: { ...process.env, REDIS_URL: `redis://127.0.0.1:${port}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      expect(await exited(child)).toBe(78);
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^Worker cannot start: Redis maxmemory-policy is "allkeys-lru", but it must be "noeviction"/,
        ),
      ]);
    } finally {
      evicting.kill('SIGTERM');
      await exited(evicting);
    }
  }, 60_000);
});
