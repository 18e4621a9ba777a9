import { Client } from 'pg';
import { gql, startApiProcess, type ApiProcess } from './api-process';

const ADMIN = { email: 'root@example.com', password: 'plum-otter-basalt-19' };
const CREATE = 'mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { name } } }';

/**
 * A slow request, made slow from outside: the test holds a lock on the candidate table, so the
 * API's insert waits until the test lets go.
 */
describe('API shutdown', () => {
  const database = new Client({ connectionString: process.env.DATABASE_URL });
  let api: ApiProcess | undefined;

  beforeAll(() => database.connect());
  beforeEach(() => database.query('truncate table app_user, candidate cascade'));
  afterEach(async () => {
    await database.query('rollback').catch(() => undefined);
    api?.child.kill('SIGKILL');
    api = undefined;
  });
  afterAll(() => database.end());

  async function slowRequest(shutdownTimeoutSeconds: number) {
    api = await startApiProcess({
      SHUTDOWN_TIMEOUT_SECONDS: String(shutdownTimeoutSeconds),
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
    const token = (
      await gql(api.baseUrl, 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
        input: ADMIN,
      })
    ).data.login.accessToken as string;
    await database.query('begin');
    await database.query('lock table candidate in access exclusive mode');
    const response = gql(
      api.baseUrl,
      CREATE,
      { input: { name: 'Slow', email: 'slow@example.net', experienceLevel: 'MID' } },
      token,
    ).then(
      (body) => ({ body }),
      (error: Error) => ({ error }),
    );
    // Wait until the insert is queued behind the lock.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const waiting = await new Client({ connectionString: process.env.DATABASE_URL });
      await waiting.connect();
      const { rows } = await waiting.query(
        `select count(*)::int as n from pg_locks where not granted and relation = 'candidate'::regclass`,
      );
      await waiting.end();
      if (rows[0].n > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { api, response };
  }

  it('lets an in-flight request finish for longer than 10 s, then exits 0', async () => {
    const { api, response } = await slowRequest(25);
    const stoppedAt = Date.now();
    api.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 11_500));
    expect(api.child.exitCode).toBeNull(); // still draining, past Apollo's old 10 s cut
    await database.query('commit');
    const result = await response;
    expect(result).toEqual({ body: { data: { createCandidate: { candidate: { name: 'Slow' } } } } });
    expect(await api.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(20_000);
  }, 40_000);

  it('exits non-zero when the grace period ends with a request still running', async () => {
    const { api, response } = await slowRequest(2);
    const stoppedAt = Date.now();
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(1);
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(1900);
    expect(Date.now() - stoppedAt).toBeLessThan(6000);
    expect(api.output()).toContain('Graceful shutdown took over 2s; exiting.');
    // The connection was cut (fetch's error comes from another realm than jest's Error).
    const cut = await response;
    expect('error' in cut && (cut.error as Error).message).toBe('fetch failed');
  }, 30_000);
});
