import { Role } from '../../libs/domain';
import { TestApi } from '../../libs/testing';
import { loadConfig } from '../../src/config/app-config';

const MONITORING_TOKEN = 'monitoring-token-for-the-tests-0123456789';

describe('HTTP security and readiness', () => {
  const api = new TestApi({
    healthMonitoringToken: MONITORING_TOKEN,
    http: { ...loadConfig().http, corsOrigins: ['https://app.example.com'] },
  });

  beforeAll(async () => {
    await api.start();
    // It signs users in: start from empty tables, whatever ran before in this database.
    await api.reset();
  });
  afterAll(() => api.close());

  const ready = async (on: TestApi, token?: string) => {
    const response = await fetch(`${on.baseUrl}/health/ready`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, body: (await response.json()) as any, text: '' };
  };

  it('shows readiness without hosts, pids or error texts unless the caller has the monitoring token', async () => {
    await api.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into job_heartbeat (job_name, last_run_at, worker) values ('system.heartbeat', now(), 'worker-host-7:4242')
         on conflict (job_name) do update set worker = excluded.worker, last_run_at = excluded.last_run_at`,
      );
    const anonymous = await ready(api);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.info).toEqual({
      database: { status: 'up' },
      redis: { status: 'up' },
      migrations: { status: 'up' },
      workerHeartbeat: { status: 'up', lastRunAt: expect.any(String), stale: false },
    });
    expect(JSON.stringify(anonymous.body)).not.toMatch(/worker-host-7|4242/);
    expect(
      (await ready(api, 'a-wrong-token-of-the-right-kind-xxxxxx')).body.info.workerHeartbeat.worker,
    ).toBeUndefined();

    const monitoring = await ready(api, MONITORING_TOKEN);
    expect(monitoring.body.info.workerHeartbeat.worker).toBe('worker-host-7:4242');
  });

  it('stays ready and serves when only Redis is down, reporting Redis as degraded', async () => {
    // A worker ran the heartbeat just now (readiness also needs a fresh heartbeat).
    await api.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into job_heartbeat (job_name, last_run_at, worker) values ('system.heartbeat', now(), 'w:1')
         on conflict (job_name) do update set last_run_at = excluded.last_run_at`,
      );
    const config = loadConfig();
    const withoutRedis = new TestApi({
      redis: { ...config.redis, url: 'redis://127.0.0.1:1' },
      healthMonitoringToken: MONITORING_TOKEN,
    });
    await withoutRedis.start();
    try {
      const anonymous = await ready(withoutRedis);
      expect(anonymous.status).toBe(200);
      expect(anonymous.body.status).toBe('ok');
      expect(anonymous.body.info.redis).toEqual({ status: 'degraded' });
      expect((await ready(withoutRedis, MONITORING_TOKEN)).body.info.redis).toEqual({
        status: 'degraded',
        message: expect.any(String),
      });
      // Sign-in and mutations still work; their rate limits count in memory meanwhile.
      const { token } = await withoutRedis.signedIn('rita@example.com', [Role.RECRUITER]);
      const created = await withoutRedis.gql(
        'mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { id } } }',
        { input: { name: 'Ada', email: 'ada-redis-down@example.net', experienceLevel: 'MID' } },
        token,
      );
      expect(created.errors).toBeUndefined();
      // With Redis down no worker can beat: the stale heartbeat is reported, yet the API stays ready.
      await api.orm.em
        .fork()
        .getConnection()
        .execute(`update job_heartbeat set last_run_at = now() - interval '1 hour'`);
      const stale = await ready(withoutRedis, MONITORING_TOKEN);
      expect(stale.status).toBe(200);
      expect(stale.body.info.workerHeartbeat).toMatchObject({
        status: 'up',
        stale: true,
        cause: 'Redis is unreachable',
      });
    } finally {
      await withoutRedis.close();
    }
  });

  it('sends security headers with a CSP a same-origin single-page app can live with', async () => {
    const response = await fetch(`${api.baseUrl}/health/live`);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const graphql = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(graphql.headers.get('content-security-policy')).toBe(csp);
    // Answers are per user: no browser or proxy cache may keep them, errors included.
    expect(graphql.headers.get('cache-control')).toBe('no-store');
    const refused = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(((await refused.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('answers CORS for the configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.baseUrl}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const allowed = await preflight('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const refused = await preflight('https://evil.example.com');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});
