import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { gql, startApiProcess, type ApiProcess } from './api-process';

const LOGIN = 'mutation SignIn($input: LoginInput!) { login(input: $input) { accessToken user { id } } }';

type LogLine = Record<string, any>;

/** The JSON lines the process wrote (anything else, such as a stack trace printed by Node, is skipped). */
function lines(api: ApiProcess): LogLine[] {
  return api
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

describe('request logs (production: JSON)', () => {
  let api: ApiProcess;
  let token: string;
  let userId: string;
  const adminPassword = `Kq7-${randomBytes(12).toString('hex')}-Zx!`;

  beforeAll(async () => {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query('truncate table app_user cascade');
    await client.end();
    api = await startApiProcess({
      NODE_ENV: 'production',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      JWT_ACCESS_SECRET: randomBytes(32).toString('base64'),
      BOOTSTRAP_ADMIN_EMAIL: 'root@example.com',
      BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
    });
    const login = await gql(api.baseUrl, LOGIN, { input: { email: 'root@example.com', password: adminPassword } });
    expect(login.errors).toBeUndefined();
    token = login.data.login.accessToken;
    userId = login.data.login.user.id;
  }, 60_000);

  afterAll(async () => {
    api?.child.kill('SIGTERM');
    await api?.exited;
  });

  /** The access line of the request with this X-Request-Id, once pino-http has written it. */
  async function accessLine(requestId: string): Promise<LogLine> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const line = lines(api).find((entry) => entry.req?.id === requestId && entry.responseTime !== undefined);
      if (line) return line;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`No access line for ${requestId}:\n${api.output()}`);
  }

  async function post(requestId: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  }

  it('writes one line per request with the operation name, the user id and the outcome', async () => {
    const body = await post('log-ok-1', 'query WhoAmI { me { id } }');
    expect(body.errors).toBeUndefined();
    const line = await accessLine('log-ok-1');
    expect(line).toMatchObject({
      level: 30,
      operationName: 'WhoAmI',
      userId,
      outcome: 'OK',
      req: { method: 'POST', url: '/graphql' },
      res: { statusCode: 200 },
      msg: expect.stringMatching(/^POST \/graphql 200 WhoAmI OK \d+ms$/),
    });
    expect(typeof line.responseTime).toBe('number');
    expect(JSON.stringify(line)).not.toContain(token);
    // The start-up probes of /health/live are not logged.
    expect(lines(api).filter((entry) => entry.req?.url?.startsWith('/health'))).toEqual([]);
    expect(lines(api).filter((entry) => entry.req?.id === 'log-ok-1' && entry.responseTime !== undefined)).toHaveLength(
      1,
    );
  });

  it('logs a client error at info, without a stack or SQL', async () => {
    // Not a UUID: refused before any database work, as BAD_USER_INPUT.
    const body = await post('log-bad-input-1', 'query OneCandidate { candidate(id: "nope") { id } }');
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const line = await accessLine('log-bad-input-1');
    expect(line).toMatchObject({ level: 30, operationName: 'OneCandidate', userId, outcome: 'BAD_USER_INPUT' });
    const ofRequest = lines(api).filter((entry) => entry.req?.id === 'log-bad-input-1');
    for (const entry of ofRequest) {
      expect(entry.level).toBeLessThan(40);
      expect(JSON.stringify(entry)).not.toMatch(/"stack"|select |invalid input syntax/i);
    }
    // A query the schema does not allow is a client error too.
    const invalid = await post('log-bad-input-2', 'query Broken { me { noSuchField } }');
    expect(invalid.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await accessLine('log-bad-input-2')).toMatchObject({ level: 30, operationName: 'Broken' });
    expect(lines(api).filter((entry) => entry.req?.id === 'log-bad-input-2' && entry.level >= 40)).toEqual([]);
  });

  it('logs an unexpected error at error, with its stack', async () => {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    // A table gone missing under the running API: nothing the caller did.
    await client.query('alter table question rename to question_moved_away');
    let body: any;
    try {
      body = await post('log-internal-1', 'query QuestionBank { questions { id } }');
    } finally {
      await client.query('alter table question_moved_away rename to question');
      await client.end();
    }
    expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    const line = await accessLine('log-internal-1');
    expect(line).toMatchObject({ level: 50, operationName: 'QuestionBank', userId, outcome: 'INTERNAL_SERVER_ERROR' });
    // Logged once with its stack (not a second time by Nest's own exception handler).
    const withStack = lines(api).filter((entry) => entry.req?.id === 'log-internal-1' && entry.err?.stack);
    expect(withStack).toHaveLength(1);
    expect(withStack[0]).toMatchObject({ level: 50, context: 'GraphQLErrors' });
    expect(withStack[0]!.err.stack).toMatch(/question/);
  });
});
