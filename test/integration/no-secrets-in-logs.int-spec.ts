import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { gql, startApiProcess } from './api-process';

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }';

describe('logs', () => {
  it('hold no secret after a full run at LOG_LEVEL=debug', async () => {
    // The bootstrap admin is created only in an empty database.
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query('truncate table app_user cascade');
    await client.end();

    const secret = (label: string) => `${label}-${randomBytes(16).toString('hex')}`;
    const jwtSecret = secret('jwt');
    const adminPassword = secret('admin-Pw');
    const userPassword = secret('user-Pw');
    const wrongPassword = secret('wrong-Pw');
    const databasePassword = secret('db');
    const databaseUrl = new URL(process.env.DATABASE_URL!);
    databaseUrl.password = databasePassword; // the local server trusts the connection and ignores it

    const api = await startApiProcess({
      LOG_LEVEL: 'debug',
      JWT_ACCESS_SECRET: jwtSecret,
      BOOTSTRAP_ADMIN_EMAIL: 'root@example.com',
      BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
      DATABASE_URL: databaseUrl.toString(),
    });
    const tokens: string[] = [];
    try {
      const admin = await gql(api.baseUrl, LOGIN, { input: { email: 'root@example.com', password: adminPassword } });
      expect(admin.errors).toBeUndefined();
      tokens.push(admin.data.login.accessToken, admin.data.login.refreshToken);
      const created = await gql(
        api.baseUrl,
        'mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }',
        { input: { email: 'pat@example.com', name: 'Pat', password: userPassword, roles: ['RECRUITER'] } },
        admin.data.login.accessToken,
      );
      expect(created.errors).toBeUndefined();
      const wrong = await gql(api.baseUrl, LOGIN, { input: { email: 'pat@example.com', password: wrongPassword } });
      expect(wrong.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const user = await gql(api.baseUrl, LOGIN, { input: { email: 'pat@example.com', password: userPassword } });
      tokens.push(user.data.login.accessToken, user.data.login.refreshToken);
      const refreshed = await gql(
        api.baseUrl,
        'mutation ($token: String!) { refreshToken(refreshToken: $token) { accessToken refreshToken } }',
        { token: user.data.login.refreshToken },
      );
      tokens.push(refreshed.data.refreshToken.accessToken, refreshed.data.refreshToken.refreshToken);
      // An error path too: a malformed token and an internal lookup of a bad id.
      await gql(api.baseUrl, '{ me { email } }', {}, `${jwtSecret}.x.y`);
      await gql(api.baseUrl, '{ candidate(id: "nope") { id } }', {}, refreshed.data.refreshToken.accessToken);
      await gql(
        api.baseUrl,
        'mutation ($input: RevokeRefreshTokenInput!) { revokeRefreshToken(input: $input) { revoked } }',
        { input: { refreshToken: refreshed.data.refreshToken.refreshToken } },
      );
    } finally {
      api.child.kill('SIGTERM');
      await api.exited;
    }

    const logs = api.output();
    expect(logs).toContain('"msg":"POST /graphql 200 '); // the access log was on
    for (const value of [jwtSecret, adminPassword, userPassword, wrongPassword, databasePassword, ...tokens]) {
      expect(logs).not.toContain(value);
    }
  });
});
