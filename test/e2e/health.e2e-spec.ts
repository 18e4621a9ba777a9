import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '../../src/config/app-config';
import { createWorkerApp } from '../../src/worker';
import { TestApi } from '../../libs/testing';

describe('health checks', () => {
  const api = new TestApi();
  let worker: INestApplicationContext | null;

  beforeAll(async () => {
    await api.start();
    await api.reset();
    const config = loadConfig();
    worker = await createWorkerApp({ ...config, worker: { ...config.worker, heartbeatIntervalSeconds: 1 } });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('answers liveness without touching a dependency', async () => {
    const response = await fetch(`${api.baseUrl}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('reports PostgreSQL, Redis, migrations and the last heartbeat a worker ran', async () => {
    let body: any;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      body = await (await fetch(`${api.baseUrl}/health/ready`)).json();
      if (body.info?.workerHeartbeat?.lastRunAt) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(body.status).toBe('ok');
    expect(body.info).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'up' },
      migrations: { status: 'up' },
      workerHeartbeat: { status: 'up', stale: false },
    });
    expect(Date.now() - Date.parse(body.info.workerHeartbeat.lastRunAt)).toBeLessThan(10_000);
  });

  it('keeps a well-formed X-Request-Id and makes one otherwise', async () => {
    const kept = await fetch(`${api.baseUrl}/health/live`, { headers: { 'x-request-id': 'trace-123' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-123');
    const made = await fetch(`${api.baseUrl}/health/live`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is not ready once the heartbeat is older than HEARTBEAT_STALE_AFTER_INTERVALS intervals, or missing', async () => {
    await worker!.close();
    worker = null;
    const connection = api.orm.em.fork().getConnection();
    // The API's interval is the default 60 s, stale after 3 intervals: 179 s is fresh, 181 s is not.
    await connection.execute(`update job_heartbeat set last_run_at = now() - interval '179 seconds'`);
    expect((await fetch(`${api.baseUrl}/health/ready`)).status).toBe(200);

    await connection.execute(`update job_heartbeat set last_run_at = now() - interval '181 seconds'`);
    const stale = await fetch(`${api.baseUrl}/health/ready`);
    expect(stale.status).toBe(503);
    const body = (await stale.json()) as any;
    expect(body.status).toBe('error');
    expect(body.error.workerHeartbeat).toMatchObject({ status: 'down', stale: true });

    await connection.execute(`delete from job_heartbeat`);
    const never = await fetch(`${api.baseUrl}/health/ready`);
    expect(never.status).toBe(503);
    expect(((await never.json()) as any).error.workerHeartbeat).toEqual({
      status: 'down',
      lastRunAt: null,
      stale: true,
    });
  });
});
