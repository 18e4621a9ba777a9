import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import Redis from 'ioredis';
import { Client } from 'pg';
import { gql, startApiProcess, type ApiProcess } from './api-process';

/**
 * Several API processes on one database and one Redis (docs/operations.md#scaling-out): what one
 * process issues or changes holds on the other at once, because no process keeps users, roles,
 * sessions or counters in its own memory. Then API_PROCESSES=2: two processes on one port.
 */
const ADMIN = { email: 'root@example.com', password: `Kq7-${randomBytes(12).toString('hex')}-Zx!` };
const MUTATIONS_PER_MINUTE = 5;
const ENV = {
  NODE_ENV: 'production',
  DEMO_DATA: 'false',
  LOG_LEVEL: 'info',
  JWT_ACCESS_SECRET: randomBytes(32).toString('base64'),
  BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
  BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
  LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
  MUTATIONS_PER_USER_PER_MINUTE: String(MUTATIONS_PER_MINUTE),
};

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id } } }';
const REFRESH = 'mutation ($token: String) { refreshToken(refreshToken: $token) { accessToken refreshToken } }';
const ME = '{ me { id email roles } }';
const USERS = '{ users { id } }';
const CREATE_USER = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }';
const UPDATE_USER = 'mutation ($input: UpdateUserInput!) { updateUser(input: $input) { user { id name roles } } }';
const DEACTIVATE = 'mutation ($input: UserIdInput!) { deactivateUser(input: $input) { user { id } } }';

const codeOf = (body: any): string | undefined => body.errors?.[0]?.extensions?.code;

/** The rate-limit counters of this test worker's prefix only (never the whole Redis). */
async function clearRateLimits(): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    const keys = await redis.keys(`${process.env.QUEUE_PREFIX}:rate-limit:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

async function stop(api: ApiProcess | undefined): Promise<void> {
  if (!api || api.child.exitCode !== null || api.child.signalCode !== null) return;
  api.child.kill('SIGTERM');
  await api.exited;
}

describe('two API processes on one database and Redis', () => {
  let a: ApiProcess;
  let b: ApiProcess;
  let adminToken: string;

  beforeAll(async () => {
    const database = new Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
    await database.query('truncate table app_user cascade');
    await database.end();
    await clearRateLimits();
    // Started together: both find no user and race to create the bootstrap admin.
    [a, b] = await Promise.all([startApiProcess(ENV), startApiProcess(ENV)]);
    const login = await gql(a.baseUrl, LOGIN, { input: ADMIN });
    expect(login.errors).toBeUndefined();
    adminToken = login.data.login.accessToken;
  }, 90_000);

  afterAll(async () => {
    await Promise.all([stop(a), stop(b)]);
  });

  it('creates one bootstrap admin however many processes start at once', async () => {
    const database = new Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
    const { rows } = await database.query(`select email from app_user`);
    await database.end();
    expect(rows).toEqual([{ email: ADMIN.email }]);
  });

  it('accepts on one process the access and refresh tokens issued by the other', async () => {
    const login = await gql(b.baseUrl, LOGIN, { input: ADMIN });
    const { accessToken, refreshToken } = login.data.login;
    const onA = await gql(a.baseUrl, ME, {}, accessToken);
    expect(onA.errors).toBeUndefined();
    expect(onA.data.me.email).toBe(ADMIN.email);

    // Rotated on A; what A returned rotates on B.
    const rotated = await gql(a.baseUrl, REFRESH, { token: refreshToken });
    expect(rotated.errors).toBeUndefined();
    const onB = await gql(b.baseUrl, ME, {}, rotated.data.refreshToken.accessToken);
    expect(onB.data.me.email).toBe(ADMIN.email);
    const again = await gql(b.baseUrl, REFRESH, { token: rotated.data.refreshToken.refreshToken });
    expect(again.errors).toBeUndefined();
  });

  it('obeys on one process a role change and a deactivation made through the other, on the next request', async () => {
    const password = `Lp9-${randomBytes(12).toString('hex')}-Qw!`;
    const created = await gql(
      a.baseUrl,
      CREATE_USER,
      { input: { email: 'rita@example.com', name: 'Rita', password, roles: ['RECRUITER'] } },
      adminToken,
    );
    expect(created.errors).toBeUndefined();
    const userId = created.data.createUser.user.id;
    const login = await gql(b.baseUrl, LOGIN, { input: { email: 'rita@example.com', password } });
    const { accessToken, refreshToken } = login.data.login;
    expect((await gql(b.baseUrl, USERS, {}, accessToken)).errors).toBeUndefined();

    // Through A: recruiter becomes interviewer. B refuses the recruiters' query at once, with the same token.
    const changed = await gql(a.baseUrl, UPDATE_USER, { input: { userId, roles: ['INTERVIEWER'] } }, adminToken);
    expect(changed.errors).toBeUndefined();
    expect(codeOf(await gql(b.baseUrl, USERS, {}, accessToken))).toBe('FORBIDDEN');
    expect((await gql(b.baseUrl, ME, {}, accessToken)).data.me.roles).toEqual(['INTERVIEWER']);

    // Through B: deactivated. A refuses the access token and the refresh token at once.
    expect((await gql(a.baseUrl, ME, {}, accessToken)).errors).toBeUndefined();
    const deactivated = await gql(b.baseUrl, DEACTIVATE, { input: { userId } }, adminToken);
    expect(deactivated.errors).toBeUndefined();
    expect(codeOf(await gql(a.baseUrl, ME, {}, accessToken))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(a.baseUrl, REFRESH, { token: refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('counts failed sign-ins of an account over both processes', async () => {
    const wrong = { email: ADMIN.email, password: 'not the password at all' };
    // LOGIN_MAX_FAILURES_PER_ACCOUNT=3: two failures on A and one on B lock the account everywhere.
    expect(codeOf(await gql(a.baseUrl, LOGIN, { input: wrong }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(b.baseUrl, LOGIN, { input: wrong }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(a.baseUrl, LOGIN, { input: wrong }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(b.baseUrl, LOGIN, { input: ADMIN }))).toBe('RATE_LIMITED');
    expect(codeOf(await gql(a.baseUrl, LOGIN, { input: ADMIN }))).toBe('RATE_LIMITED');
  });

  it("counts a user's mutations over both processes", async () => {
    const password = `Mn4-${randomBytes(12).toString('hex')}-Ty!`;
    const created = await gql(
      a.baseUrl,
      CREATE_USER,
      { input: { email: 'busy@example.com', name: 'Busy', password, roles: ['ADMIN'] } },
      adminToken,
    );
    expect(created.errors).toBeUndefined();
    const userId = created.data.createUser.user.id;
    // Signed in before the lockout test locked the other admin; this account has no failures.
    const token = (await gql(b.baseUrl, LOGIN, { input: { email: 'busy@example.com', password } })).data.login
      .accessToken;
    const outcomes: Array<string> = [];
    for (let index = 0; index < MUTATIONS_PER_MINUTE + 2; index++) {
      const api = index % 2 === 0 ? a : b;
      const body = await gql(api.baseUrl, UPDATE_USER, { input: { userId, name: `Busy ${index}` } }, token);
      outcomes.push(codeOf(body) ?? 'OK');
    }
    // 5 allowed in all (3 on A, 2 on B); counted per process, the last two would pass as well.
    expect(outcomes).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED']);
  });
});

describe('API_PROCESSES=2: two processes on one port', () => {
  let api: ApiProcess | undefined;

  afterEach(async () => {
    if (api && api.child.exitCode === null && api.child.signalCode === null) {
      api.child.kill('SIGKILL');
      await api.exited;
    }
    api = undefined;
  });

  type LogLine = Record<string, any>;
  const lines = (process: ApiProcess): LogLine[] =>
    process
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  /** Starts the cluster; resolves once both of its API processes listen, with their pids. */
  async function startCluster(): Promise<{ api: ApiProcess; pids: number[] }> {
    const database = new Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
    await database.query('truncate table app_user cascade');
    await database.end();
    await clearRateLimits();
    const started = await startApiProcess({ ...ENV, API_PROCESSES: '2' });
    for (let attempt = 0; ; attempt++) {
      const listening = lines(started).filter((line) => String(line.msg).startsWith('API listening'));
      if (listening.length >= 2) return { api: started, pids: listening.map((line) => line.pid as number) };
      if (attempt > 300) throw new Error(`The second API process did not start:\n${started.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** One request on a new connection (no keep-alive), so that the primary hands it to the next process. */
  function postOnNewConnection(baseUrl: string, requestId: string, token: string): Promise<any> {
    return new Promise((resolve, reject) => {
      const body = JSON.stringify({ query: ME });
      const req = request(
        `${baseUrl}/graphql`,
        {
          method: 'POST',
          agent: false,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'x-request-id': requestId,
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve(JSON.parse(text)));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('serves requests from both processes, each accepting the tokens the other issued, and stops both on SIGTERM', async () => {
    const started = await startCluster();
    api = started.api;
    expect(new Set(started.pids).size).toBe(2);
    expect(started.pids).not.toContain(api.child.pid);

    const token = (await gql(api.baseUrl, LOGIN, { input: ADMIN })).data.login.accessToken;
    const ids = Array.from({ length: 12 }, (_, index) => `cluster-${index}`);
    for (const id of ids) {
      const body = await postOnNewConnection(api.baseUrl, id, token);
      expect(body.data?.me.email).toBe(ADMIN.email);
    }
    let servedBy: Set<number> = new Set();
    for (let attempt = 0; attempt < 50; attempt++) {
      const access = lines(api).filter((line) => ids.includes(line.req?.id) && line.responseTime !== undefined);
      servedBy = new Set(access.map((line) => line.pid as number));
      if (access.length === ids.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The token was issued by one of the two; each served requests with it.
    expect([...servedBy].sort()).toEqual([...started.pids].sort());

    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    for (const pid of started.pids) expect(() => process.kill(pid, 0)).toThrow();
  }, 90_000);

  it('stops the other process and exits non-zero when one process dies', async () => {
    const started = await startCluster();
    api = started.api;
    process.kill(started.pids[0]!, 'SIGKILL');
    expect(await api.exited).toBe(1);
    expect(() => process.kill(started.pids[1]!, 0)).toThrow();
    expect(api.output()).toContain(
      `API process ${started.pids[0]} exited (SIGKILL); stopping the other API processes.`,
    );
  }, 90_000);
});
