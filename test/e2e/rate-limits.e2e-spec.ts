import { Role } from '../../libs/domain';
import { errorCode, TEST_PASSWORD, TestApi, type GraphQLResponse } from '../../libs/testing';
import { loadConfig } from '../../src/config/app-config';

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }';
const limits = {
  loginFailuresPerAccount: 3,
  loginFailuresPerIp: 5,
  loginAttemptsPerIpPerMinute: 8,
  loginLockoutMinutes: 15,
  mutationsPerUserPerMinute: 4,
};

describe('rate limits shared by API instances', () => {
  // Two API processes' worth of Nest applications on one PostgreSQL and one Redis.
  const overrides = { rateLimits: limits };
  const first = new TestApi(overrides);
  const second = new TestApi(overrides);

  beforeAll(async () => {
    await first.start();
    await second.start();
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });
  beforeEach(async () => {
    await first.reset();
    await first.createUser({ email: 'ada@example.com', roles: [Role.RECRUITER] });
    await first.createUser({ email: 'bob@example.com', roles: [Role.RECRUITER] });
  });

  /** A login from a given address (the API trusts X-Forwarded-For from its proxy). */
  const login = (api: TestApi, ip: string, email: string, password = 'wrong-password-1') =>
    api.gql(LOGIN, { input: { email, password } }, undefined, { 'x-forwarded-for': ip });

  async function rawLogin(api: TestApi, ip: string, email: string): Promise<Response> {
    return fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ query: LOGIN, variables: { input: { email, password: TEST_PASSWORD } } }),
    });
  }

  it('locks an account after repeated failures on any instance, says for how long, and sends Retry-After', async () => {
    expect(errorCode(await login(first, '198.51.100.1', 'ada@example.com'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await login(second, '198.51.100.2', 'ADA@example.com'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await login(first, '198.51.100.3', 'ada@example.com'))).toBe('UNAUTHENTICATED');

    // The right password does not help while the account is locked, on either instance.
    const response = await rawLogin(second, '198.51.100.4', 'ada@example.com');
    const locked = (await response.json()) as GraphQLResponse;
    expect(errorCode(locked)).toBe('RATE_LIMITED');
    expect(locked.errors![0]!.message).toMatch(
      /^Too many failed sign-ins for this account: after 3 failures it is locked for 15 minutes\. Try again in \d+ seconds\.$/,
    );
    const retryAfter = locked.errors![0]!.extensions.retryAfter as number;
    expect(retryAfter).toBeGreaterThan(15 * 60 - 30);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(response.headers.get('retry-after')).toBe(String(retryAfter));

    // Another account is not affected.
    expect((await login(first, '198.51.100.4', 'bob@example.com', TEST_PASSWORD)).errors).toBeUndefined();
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) await login(first, '198.51.100.10', 'ada@example.com');
    expect((await login(second, '198.51.100.10', 'ada@example.com', TEST_PASSWORD)).errors).toBeUndefined();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(errorCode(await login(second, '198.51.100.10', 'ada@example.com'))).toBe('UNAUTHENTICATED');
    }
  });

  it('limits failures per network address over every account and instance', async () => {
    for (let attempt = 0; attempt < limits.loginFailuresPerIp; attempt += 1) {
      const api = attempt % 2 ? second : first;
      expect(errorCode(await login(api, '203.0.113.7', `nobody${attempt}@example.com`))).toBe('UNAUTHENTICATED');
    }
    const refused = await login(first, '203.0.113.7', 'bob@example.com', TEST_PASSWORD);
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.errors![0]!.message).toMatch(
      /^Too many failed sign-ins from your network address\. Try again in \d+ seconds\.$/,
    );
    expect((await login(second, '203.0.113.8', 'bob@example.com', TEST_PASSWORD)).errors).toBeUndefined();
  });

  it('counts each aliased login of one request on its own', async () => {
    const aliased = (count: number, password: string) =>
      first.gql(
        `mutation { ${Array.from(
          { length: count },
          (_, index) =>
            `l${index}: login(input: { email: "bob@example.com", password: "${password}" }) { accessToken }`,
        ).join(' ')} }`,
        {},
        undefined,
        { 'x-forwarded-for': '192.0.2.9' },
      );
    // Ten sign-ins in one request: the address's eight a minute run, the ninth is refused. (A
    // refused or failed login is non-null, so the request stops there: aliases add no guesses.)
    const result = await aliased(10, TEST_PASSWORD);
    expect(result.data).toBeNull();
    expect(result.errors!.map((error) => [error.path![0], error.extensions.code])).toEqual([['l8', 'RATE_LIMITED']]);
    expect(result.errors![0]!.message).toMatch(/^Too many sign-ins from your network address: at most 8 a minute\./);

    const guesses = await aliased(5, 'wrong-password-2');
    expect(guesses.errors!.map((error) => [error.path![0], error.extensions.code])).toEqual([['l0', 'RATE_LIMITED']]);
  });

  it('limits the mutations of one user per minute, over both instances and each alias', async () => {
    const token = await first.login('ada@example.com');
    const create = (api: TestApi, email: string) =>
      api.gql(
        'mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { id } } }',
        { input: { name: 'Cand', email, experienceLevel: 'MID' } },
        token,
      );
    expect((await create(first, 'c1@example.net')).errors).toBeUndefined();
    expect((await create(second, 'c2@example.net')).errors).toBeUndefined();
    const aliased = await second.gql(
      `mutation { a: createCandidate(input: { name: "A", email: "c3@example.net", experienceLevel: MID }) { candidate { id } }
                  b: createCandidate(input: { name: "B", email: "c4@example.net", experienceLevel: MID }) { candidate { id } }
                  c: createCandidate(input: { name: "C", email: "c5@example.net", experienceLevel: MID }) { candidate { id } } }`,
      {},
      token,
    );
    expect(aliased.errors!.map((error) => [error.path![0], error.extensions.code])).toEqual([['c', 'RATE_LIMITED']]);
    const rows: Array<{ name: string }> = await first.orm.em
      .fork()
      .getConnection()
      .execute('select name from candidate order by name');
    const names = rows.map((row) => row.name);
    expect(names).toEqual(['A', 'B', 'Cand', 'Cand']);
    const refused = await create(first, 'c6@example.net');
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.errors![0]!.message).toMatch(
      /^Too many changes: at most 4 mutations a minute\. Try again in \d+ seconds\.$/,
    );
    expect(refused.errors![0]!.extensions.retryAfter).toBeLessThanOrEqual(60);
    // Queries are not mutations.
    expect((await first.gql('{ me { email } }', {}, token)).errors).toBeUndefined();
    // Another user has a budget of their own.
    const other = await second.login('bob@example.com');
    expect((await second.gql('{ me { email } }', {}, other)).errors).toBeUndefined();
  });

  it('has defaults that leave room for normal use', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      loginFailuresPerAccount: 10,
      loginFailuresPerIp: 50,
      loginAttemptsPerIpPerMinute: 60,
      loginLockoutMinutes: 15,
      mutationsPerUserPerMinute: 120,
    });
  });
});
