import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { QueueName } from '../../libs/jobs';
import { loadConfig } from '../../src/config/app-config';
import { createWorkerApp } from '../../src/worker';

const ROOT = join(__dirname, '..', '..');

/** Starts the miswired worker fixture as a real process; returns its exit code and stderr. */
function startMiswired(miswiring: string) {
  const result = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', join(ROOT, 'test/fixtures/miswired.worker.ts')],
    { cwd: ROOT, env: { ...process.env, MISWIRING: miswiring }, encoding: 'utf8', timeout: 60_000 },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

describe('the job registry of the worker', () => {
  it('refuses to start when a job has two processors, naming the job and both processors', () => {
    const { code, stdout, stderr } = startMiswired('duplicate');
    expect(stderr).toBe(
      'Worker cannot start: more than one processor for system.heartbeat (HeartbeatProcessor, SecondHeartbeatProcessor).',
    );
    expect(code).toBe(70);
    expect(stdout).not.toContain('worker-ready');
  }, 60_000);

  it('refuses to start when a job of job-names.ts has no processor, naming the job', () => {
    const { code, stderr } = startMiswired('unhandled');
    expect(stderr).toBe('Worker cannot start: no processor for reports.weekly-digest.');
    expect(code).toBe(70);
  }, 60_000);

  it('names every miswired job in one line', () => {
    const { code, stderr } = startMiswired('both');
    expect(stderr).toBe(
      'Worker cannot start: no processor for reports.weekly-digest; more than one processor for ' +
        'system.heartbeat (HeartbeatProcessor, SecondHeartbeatProcessor).',
    );
    expect(code).toBe(70);
  }, 60_000);

  it('starts when every job has exactly one processor', () => {
    const { code, stdout, stderr } = startMiswired('none');
    expect(stderr).toBe('');
    expect(stdout).toContain('worker-ready');
    expect(code).toBe(0);
  }, 60_000);
});

describe('a processor given a job it does not run', () => {
  let worker: INestApplicationContext;

  beforeAll(async () => {
    worker = await createWorkerApp(loadConfig());
    await worker.init();
  });
  afterAll(() => worker.close());

  const queue = (name: QueueName) => worker.get<Queue>(getQueueToken(name), { strict: false });

  async function settled(on: Queue, id: string): Promise<Job> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const job = (await on.getJob(id))!;
      if (job.finishedOn) return job;
      if (Date.now() > deadline) throw new Error(`job ${id} still ${await job.getState()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it.each([
    [QueueName.STAGE_TRANSITIONS, 'system.heartbeat', 'StageDecisionProcessor', 'pipeline.apply-stage-decision'],
    [QueueName.SYSTEM, 'pipeline.apply-stage-decision', 'HeartbeatProcessor', 'system.heartbeat'],
  ])('fails on %s a job named %s, once, naming it', async (queueName, jobName, processor, runs) => {
    const on = queue(queueName);
    const job = await on.add(jobName, { decisionId: '00000000-0000-4000-8000-000000000000' }, { attempts: 5 });
    const done = await settled(on, job.id!);
    expect(await done.getState()).toBe('failed');
    expect(done.failedReason).toBe(`${processor} does not run job "${jobName}" (it runs ${runs})`);
    // Retrying cannot fix a name: no further attempt.
    expect(done.attemptsMade).toBe(1);
  });
});
