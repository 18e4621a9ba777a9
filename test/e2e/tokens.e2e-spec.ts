import { createHmac } from 'node:crypto';
import { Role } from '../../libs/domain';
import { errorCode, TEST_PASSWORD, TestApi } from '../../libs/testing';
import { APP_CONFIG, type AppConfig } from '../../src/config/app-config';
import { PUBLISHED_SECRETS } from '../../src/config/published-secrets';

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }';
const REFRESH = 'mutation ($token: String!) { refreshToken(refreshToken: $token) { accessToken refreshToken } }';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT made by hand, as an attacker would: any header, any claims, any key. */
function forge(claims: Record<string, unknown>, secret: string, header: Record<string, unknown> = { alg: 'HS256' }) {
  const unsigned = `${base64url({ typ: 'JWT', ...header })}.${base64url(claims)}`;
  const algorithm = header.alg === 'HS512' ? 'sha512' : 'sha256';
  return `${unsigned}.${createHmac(algorithm, secret).update(unsigned).digest('base64url')}`;
}

describe('access and refresh tokens', () => {
  const api = new TestApi();
  const other = new TestApi();
  let userId: string;
  let secret: string;

  beforeAll(async () => {
    await api.start();
    await other.start();
    secret = api.app.get<AppConfig>(APP_CONFIG).auth.accessSecret;
  });
  afterAll(async () => {
    await api.close();
    await other.close();
  });
  beforeEach(async () => {
    await api.reset();
    userId = (await api.createUser({ email: 'ada@example.com', roles: [Role.ADMIN] })).id;
  });

  const me = (token: string, on = api) => on.gql('{ me { email } }', {}, token);
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown> = {}) => ({
    sub: userId,
    typ: 'access',
    iss: 'interview-pipeline',
    aud: 'interview-pipeline-api',
    iat: now(),
    exp: now() + 600,
    ...extra,
  });

  it('generates the secret outside production and shares it through the database', async () => {
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(PUBLISHED_SECRETS).not.toContain(secret);
    expect(other.app.get<AppConfig>(APP_CONFIG).auth.accessSecret).toBe(secret);
    const token = await api.login('ada@example.com');
    expect((await me(token, other)).data).toEqual({ me: { email: 'ada@example.com' } });
  });

  it('accepts a well-formed token and refuses one forged with a value from the source', async () => {
    expect((await me(forge(claims(), secret))).errors).toBeUndefined();
    for (const published of PUBLISHED_SECRETS) {
      expect(errorCode(await me(forge(claims(), published)))).toBe('UNAUTHENTICATED');
    }
  });

  it('requires exp, the issuer, the audience and a UUID subject, and pins the algorithm', async () => {
    const { exp: _exp, ...noExp } = claims();
    const { iss: _iss, ...noIss } = claims();
    const { aud: _aud, ...noAud } = claims();
    for (const token of [
      forge(noExp, secret),
      forge(noIss, secret),
      forge(noAud, secret),
      forge(claims({ iss: 'someone-else' }), secret),
      forge(claims({ aud: 'another-api' }), secret),
      forge(claims({ sub: 'not-a-uuid' }), secret),
      forge(claims({ sub: "x' or 1=1 --" }), secret),
      forge(claims({ sub: 42 }), secret),
      forge(claims({ exp: now() - 5 }), secret),
      forge(claims({ typ: 'refresh' }), secret),
      forge(claims(), secret, { alg: 'HS512' }),
      `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`,
    ]) {
      const result = await me(token);
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a token once it expires, though it was accepted (and remembered) before', async () => {
    const token = forge(claims({ exp: now() + 2 }), secret);
    expect((await me(token)).errors).toBeUndefined();
    expect((await me(token)).errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, (now() + 3) * 1000 - Date.now())));
    expect(errorCode(await me(token))).toBe('UNAUTHENTICATED');
  });

  it('refuses a remembered token at once when its user is deactivated', async () => {
    const token = forge(claims(), secret);
    expect((await me(token)).errors).toBeUndefined();
    await api.orm.em.getConnection().execute('update app_user set deactivated_at = now() where id = ?', [userId]);
    expect(errorCode(await me(token))).toBe('UNAUTHENTICATED');
  });

  it('lets two simultaneous refreshes with the same token both succeed', async () => {
    const login = await api.gql(LOGIN, { input: { email: 'ada@example.com', password: TEST_PASSWORD } });
    const token = login.data!.login.refreshToken as string;
    const [one, two] = await Promise.all([api.gql(REFRESH, { token }), other.gql(REFRESH, { token })]);
    expect(one.errors).toBeUndefined();
    expect(two.errors).toBeUndefined();
    for (const pair of [one.data!.refreshToken, two.data!.refreshToken]) {
      expect((await me(pair.accessToken)).errors).toBeUndefined();
      expect((await api.gql(REFRESH, { token: pair.refreshToken })).errors).toBeUndefined();
    }
  });

  it('still revokes the whole family when a token is reused after the grace window', async () => {
    const login = await api.gql(LOGIN, { input: { email: 'ada@example.com', password: TEST_PASSWORD } });
    const token = login.data!.login.refreshToken as string;
    const rotated = await api.gql(REFRESH, { token });
    const next = rotated.data!.refreshToken.refreshToken as string;
    await api.orm.em
      .fork()
      .getConnection()
      .execute(`update refresh_token set rotated_at = now() - interval '11 seconds' where rotated_at is not null`);

    const reused = await api.gql(REFRESH, { token });
    expect(errorCode(reused)).toBe('UNAUTHENTICATED');
    expect(reused.errors![0]!.message).toMatch(/already used/);
    expect(errorCode(await api.gql(REFRESH, { token: next }))).toBe('UNAUTHENTICATED');
  });
});
