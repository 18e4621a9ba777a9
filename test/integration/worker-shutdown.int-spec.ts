import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';

const ROOT = join(__dirname, '..', '..');
const SLOW_QUEUE = 'test-slow';

/** Starts the fixture worker as a real process and resolves once it is consuming. */
function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'test/fixtures/slow-job.worker.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker-ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`worker exited early (${code}): ${stderr}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('worker shutdown', () => {
  const redis = new Redis(process.env.REDIS_URL!);
  const logKey = `${process.env.QUEUE_PREFIX}:slow-log`;
  let queue: Queue;
  const children: ChildProcess[] = [];

  beforeAll(() => {
    queue = new Queue(SLOW_QUEUE, { connection: { url: process.env.REDIS_URL }, prefix: process.env.QUEUE_PREFIX });
  });
  beforeEach(async () => {
    await redis.del(logKey);
    await queue.obliterate({ force: true });
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });
  afterAll(async () => {
    await queue.close();
    redis.disconnect();
  });

  const log = () => redis.lrange(logKey, 0, -1);

  it('finishes the job in hand on SIGTERM, then exits cleanly', async () => {
    const worker = await startWorker({ SLOW_JOB_MS: '1500' });
    children.push(worker);
    await queue.add('slow', {}, { jobId: 'graceful' });
    await waitFor(async () => (await log()).some((entry) => entry.startsWith('started:graceful')), 10_000);

    worker.kill('SIGTERM');
    expect(await exited(worker)).toBe(0);

    expect(await log()).toEqual([`started:graceful:${worker.pid}`, `finished:graceful:${worker.pid}`]);
    expect(await (await queue.getJob('graceful'))!.getState()).toBe('completed');
  });

  it('loses no job when a worker is killed mid-job: another worker runs it again', async () => {
    const settings = { SLOW_JOB_MS: '1500', WORKER_LOCK_DURATION_MS: '1000' };
    const doomed = await startWorker(settings);
    children.push(doomed);
    await queue.add('slow', {}, { jobId: 'killed' });
    await waitFor(async () => (await log()).some((entry) => entry.startsWith('started:killed')), 10_000);

    doomed.kill('SIGKILL');
    await exited(doomed);
    const rescuer = await startWorker(settings);
    children.push(rescuer);

    await waitFor(async () => (await queue.getJob('killed'))!.isCompleted(), 20_000);
    expect(await log()).toEqual([
      `started:killed:${doomed.pid}`,
      `started:killed:${rescuer.pid}`,
      `finished:killed:${rescuer.pid}`,
    ]);
  });
});
