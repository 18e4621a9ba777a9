import { Role } from '../../libs/domain';
import {
  CREATE_USER,
  DEACTIVATE_USER,
  errorCode,
  LOGIN,
  type Operation,
  ME,
  operation,
  REACTIVATE_USER,
  REFRESH_TOKEN,
  REVOKE_REFRESH_TOKEN,
  TEST_PASSWORD,
  TestApi,
  USERS,
} from '../../libs/testing';

const USERS_WITH_DEACTIVATED = operation<
  { users: Array<{ email: string; deactivatedAt: string | null }> },
  { role?: string; includeDeactivated?: boolean }
>(
  `query UsersWithDeactivated($role: Role, $includeDeactivated: Boolean) {
    users(role: $role, includeDeactivated: $includeDeactivated) { email deactivatedAt }
  }`,
);

describe('identity over GraphQL', () => {
  const api = new TestApi();
  let admin: string;

  beforeAll(() => api.start());
  afterAll(() => api.close());
  beforeEach(async () => {
    await api.reset();
    admin = (await api.signedIn('admin@example.com', [Role.ADMIN])).token;
  });

  it('signs in and answers me', async () => {
    const login = await api.gql(LOGIN, { input: { email: 'ADMIN@example.com', password: TEST_PASSWORD } });
    expect(login.errors).toBeUndefined();
    const me = await api.gql(ME, {}, login.data!.login.accessToken);
    expect(me.data).toEqual({ me: { email: 'admin@example.com', roles: ['ADMIN'], timezone: 'UTC' } });
  });

  it('refuses every operation but login without a valid token', async () => {
    expect(errorCode(await api.gql(ME, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(USERS, {}, 'not-a-token'))).toBe('UNAUTHENTICATED');
  });

  it('answers a wrong password and an unknown email with the same error', async () => {
    const wrongPassword = await api.gql(LOGIN, {
      input: { email: 'admin@example.com', password: 'wrong-password-123' },
    });
    const unknownUser = await api.gql(LOGIN, {
      input: { email: 'nobody@example.com', password: 'wrong-password-123' },
    });
    expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
    expect(wrongPassword.errors![0]!.message).toBe(unknownUser.errors![0]!.message);
    expect(errorCode(unknownUser)).toBe('UNAUTHENTICATED');
  });

  it('lets an admin create users, who can then sign in', async () => {
    const created = await api.gql(
      CREATE_USER,
      {
        input: {
          email: 'Rita@Example.com',
          name: 'Rita',
          password: 'a-long-password',
          roles: ['RECRUITER'],
          timezone: 'Europe/Berlin',
        },
      },
      admin,
    );
    expect(created.data!.createUser.user).toMatchObject({
      email: 'rita@example.com',
      roles: ['RECRUITER'],
      timezone: 'Europe/Berlin',
    });
    const login = await api.gql(LOGIN, { input: { email: 'rita@example.com', password: 'a-long-password' } });
    expect(login.data!.login.user.email).toBe('rita@example.com');
  });

  it('refuses a duplicate email in any letter case with CONFLICT and the existing id', async () => {
    const existing = await api.createUser({ email: 'dup@example.com', roles: [Role.INTERVIEWER] });
    const result = await api.gql(
      CREATE_USER,
      { input: { email: 'DUP@example.com', name: 'Dup', password: 'a-long-password', roles: ['INTERVIEWER'] } },
      admin,
    );
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors![0]!.extensions.existingId).toBe(existing.id);
  });

  it('lists every wrong field of a new user at once and writes nothing', async () => {
    const result = await api.gql(
      CREATE_USER,
      { input: { email: 'not-an-email', name: 'X', password: 'short', roles: [], timezone: 'Mars/Base' } },
      admin,
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors![0]!.extensions.fields!)).toEqual(
      expect.arrayContaining(['input.email', 'input.roles']),
    );
    const weak = await api.gql(
      CREATE_USER,
      { input: { email: 'ok@example.com', name: 'X', password: 'short', roles: ['ADMIN'], timezone: 'Mars/Base' } },
      admin,
    );
    expect(weak.errors![0]!.extensions.fields).toEqual({
      'input.password': 'must be at least 12 characters long',
      'input.timezone': expect.stringContaining('not an IANA time zone'),
    });
    const users = await api.gql(USERS, {}, admin);
    expect(users.data!.users).toHaveLength(1);
  });

  it('refuses an unknown role as BAD_USER_INPUT', async () => {
    const result = await api.gql(
      CREATE_USER,
      { input: { email: 'x@example.com', name: 'X', password: 'a-long-password', roles: ['OWNER'] } },
      admin,
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions.fields).toEqual({ 'input.roles[0]': expect.stringContaining('OWNER') });
  });

  it('lets only admins create users', async () => {
    const recruiter = (await api.signedIn('rec@example.com', [Role.RECRUITER])).token;
    const result = await api.gql(
      CREATE_USER,
      { input: { email: 'x@example.com', name: 'X', password: 'a-long-password', roles: ['ADMIN'] } },
      recruiter,
    );
    expect(errorCode(result)).toBe('FORBIDDEN');
    const interviewer = (await api.signedIn('int@example.com', [Role.INTERVIEWER])).token;
    expect(errorCode(await api.gql(USERS, {}, interviewer))).toBe('FORBIDDEN');
  });

  it('filters users by role', async () => {
    await api.createUser({ email: 'i1@example.com', roles: [Role.INTERVIEWER] });
    await api.createUser({ email: 'hm@example.com', roles: [Role.HIRING_MANAGER, Role.INTERVIEWER] });
    const result = await api.gql(USERS, { role: 'INTERVIEWER' }, admin);
    expect(result.data!.users.map((user) => user.email).sort()).toEqual(['hm@example.com', 'i1@example.com']);
  });

  it('lists deactivated users to admins only when asked, so they can be reactivated', async () => {
    const gone = await api.createUser({ email: 'gone@example.com', roles: [Role.INTERVIEWER] });
    await api.createUser({ email: 'kept@example.com', roles: [Role.INTERVIEWER] });
    expect((await api.gql(DEACTIVATE_USER, { input: { userId: gone.id } }, admin)).errors).toBeUndefined();

    const emails = (result: { data?: { users: Array<{ email: string }> } | null }) =>
      result.data!.users.map((user) => user.email).sort();
    const active = await api.gql(USERS_WITH_DEACTIVATED, {}, admin);
    expect(emails(active)).toEqual(['admin@example.com', 'kept@example.com']);
    expect(active.data!.users.every((user) => user.deactivatedAt === null)).toBe(true);

    const all = await api.gql(USERS_WITH_DEACTIVATED, { includeDeactivated: true }, admin);
    expect(all.errors).toBeUndefined();
    expect(emails(all)).toEqual(['admin@example.com', 'gone@example.com', 'kept@example.com']);
    const goneRow = all.data!.users.find((user) => user.email === 'gone@example.com')!;
    expect(Number.isNaN(Date.parse(goneRow.deactivatedAt!))).toBe(false);
    const byRole = await api.gql(USERS_WITH_DEACTIVATED, { role: 'INTERVIEWER', includeDeactivated: true }, admin);
    expect(emails(byRole)).toEqual(['gone@example.com', 'kept@example.com']);

    // Recruiters and hiring managers still list the active users, but never the deactivated ones.
    for (const role of [Role.RECRUITER, Role.HIRING_MANAGER]) {
      const token = (await api.signedIn(`${role.toLowerCase()}@example.com`, [role])).token;
      const listed = await api.gql(USERS_WITH_DEACTIVATED, {}, token);
      expect(listed.errors).toBeUndefined();
      expect(listed.data!.users.map((user) => user.email)).not.toContain('gone@example.com');
      expect(errorCode(await api.gql(USERS_WITH_DEACTIVATED, { includeDeactivated: true }, token))).toBe('FORBIDDEN');
    }
    const interviewer = (await api.signedIn('int@example.com', [Role.INTERVIEWER])).token;
    expect(errorCode(await api.gql(USERS_WITH_DEACTIVATED, { includeDeactivated: true }, interviewer))).toBe(
      'FORBIDDEN',
    );

    expect((await api.gql(REACTIVATE_USER, { input: { userId: gone.id } }, admin)).errors).toBeUndefined();
    const after = await api.gql(USERS_WITH_DEACTIVATED, {}, admin);
    expect(emails(after)).toContain('gone@example.com');
  });

  it('rotates refresh tokens and revokes the login when an old one is replayed', async () => {
    const login = await api.gql(LOGIN, { input: { email: 'admin@example.com', password: TEST_PASSWORD } });
    const first = login.data!.login.refreshToken as string;
    const rotated = await api.gql(REFRESH_TOKEN, { token: first });
    expect(rotated.errors).toBeUndefined();
    const second = rotated.data!.refreshToken.refreshToken as string;
    expect(second).not.toBe(first);
    expect((await api.gql(ME, {}, rotated.data!.refreshToken.accessToken)).data).toBeTruthy();

    // Replaying the first token after the grace window for racing duplicates (10 s) looks like
    // theft: the whole family is revoked, the second too.
    await api.orm.em
      .fork()
      .getConnection()
      .execute(`update refresh_token set rotated_at = now() - interval '11 seconds' where rotated_at is not null`);
    expect(errorCode(await api.gql(REFRESH_TOKEN, { token: first }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(REFRESH_TOKEN, { token: second }))).toBe('UNAUTHENTICATED');
  });

  it('signs out by revoking the refresh token', async () => {
    const login = await api.gql(LOGIN, { input: { email: 'admin@example.com', password: TEST_PASSWORD } });
    const token = login.data!.login.refreshToken as string;
    const revoked = await api.gql(REVOKE_REFRESH_TOKEN, { input: { refreshToken: token } });
    expect(revoked.data).toEqual({ revokeRefreshToken: { revoked: true } });
    expect(errorCode(await api.gql(REFRESH_TOKEN, { token }))).toBe('UNAUTHENTICATED');
  });

  describe('the web app session (refresh token in an httpOnly cookie)', () => {
    /** POSTs GraphQL with an optional cookie header; returns the body and the Set-Cookie header. */
    async function post(
      query: string | Operation<unknown, unknown>,
      variables: Record<string, unknown> = {},
      cookie?: string,
    ) {
      const response = await fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query: typeof query === 'string' ? query : query.text, variables }),
      });
      return { body: (await response.json()) as any, setCookie: response.headers.get('set-cookie') ?? '' };
    }
    const cookieOf = (setCookie: string) => setCookie.split(';')[0]!;

    it('sets the cookie at login, rotates it without an argument, and clears it at sign-out', async () => {
      const login = await post(LOGIN, { input: { email: 'admin@example.com', password: TEST_PASSWORD } });
      expect(login.setCookie).toMatch(/^ip_refresh_token=[\w-]+;/);
      expect(login.setCookie).toMatch(/HttpOnly/);
      expect(login.setCookie).toMatch(/SameSite=Strict/);
      expect(login.setCookie).toMatch(/Path=\/graphql/);
      expect(login.setCookie).toMatch(/Max-Age=2592000/);
      expect(login.setCookie).not.toMatch(/Secure/); // only in production
      expect(cookieOf(login.setCookie)).toBe(`ip_refresh_token=${login.body.data.login.refreshToken}`);

      const refreshed = await post(
        'mutation { refreshToken { accessToken refreshToken user { email } } }',
        {},
        cookieOf(login.setCookie),
      );
      expect(refreshed.body.errors).toBeUndefined();
      expect(refreshed.body.data.refreshToken.user.email).toBe('admin@example.com');
      expect(cookieOf(refreshed.setCookie)).toBe(`ip_refresh_token=${refreshed.body.data.refreshToken.refreshToken}`);
      expect(cookieOf(refreshed.setCookie)).not.toBe(cookieOf(login.setCookie));

      const signedOut = await post('mutation { revokeRefreshToken { revoked } }', {}, cookieOf(refreshed.setCookie));
      expect(signedOut.body.data).toEqual({ revokeRefreshToken: { revoked: true } });
      expect(signedOut.setCookie).toMatch(/^ip_refresh_token=;/);
      const after = await post('mutation { refreshToken { accessToken } }', {}, cookieOf(refreshed.setCookie));
      expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(after.setCookie).toMatch(/^ip_refresh_token=;/); // a dead cookie is dropped
    });

    it('answers a refresh without a token or cookie with UNAUTHENTICATED', async () => {
      const result = await post('mutation { refreshToken { accessToken } }');
      expect(result.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(result.body.errors[0].message).toMatch(/not signed in/);
    });

    it('keeps CSRF prevention on: a simple (form-like) request is refused', async () => {
      const response = await fetch(`${api.baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/CSRF/i);
    });
  });

  it('stops accepting the access token of a deactivated user at once', async () => {
    const { user, token } = await api.signedIn('leaver@example.com', [Role.RECRUITER]);
    await api.orm.em.fork().nativeUpdate('User', { id: user.id }, { deactivatedAt: new Date() });
    expect(errorCode(await api.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('answers malformed queries with BAD_USER_INPUT and no stack trace', async () => {
    const result = await api.gql('{ me { nope } }', {}, admin);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|at \w+ \(/i);
  });

  it('refuses queries nested deeper than the limit before running them, but allows introspection', async () => {
    let selection = 'id';
    for (let level = 0; level < 7; level += 1) selection = `application { interviews { ${selection} } }`;
    const deep = await api.gql(`{ myInterviews { ${selection} } }`, {}, admin);
    expect(errorCode(deep)).toBe('BAD_USER_INPUT');
    expect(deep.errors![0]!.message).toMatch(/exceeds maximum operation depth/);
    const introspection = await api.gql(
      '{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }',
      {},
      admin,
    );
    expect(introspection.errors).toBeUndefined();
  });
});
