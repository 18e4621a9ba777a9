import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../../libs/domain';
import { TEST_PASSWORD, TestApi, errorCode } from '../../libs/testing';
import { LOGIN } from '../../libs/testing/operations';

const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('the API explorer at GET /graphql', () => {
  const distDir = mkdtempSync(join(tmpdir(), 'ip-explorer-'));
  mkdirSync(join(distDir, 'explorer', 'explorer'), { recursive: true });
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(distDir, 'explorer', 'explorer', 'index.html'), '<!doctype html><title>explorer</title>');
  const development = new TestApi({ web: { distDir } });
  const production = new TestApi({ env: 'production', web: { distDir } });

  beforeAll(async () => {
    await development.start();
    await production.start();
    await development.reset();
    await development.createUser({ email: 'ada@example.com', roles: [Role.ADMIN] });
    await development.createUser({ email: 'ivy@example.com', roles: [Role.INTERVIEWER] });
  });
  afterAll(async () => {
    await development.close();
    await production.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  const openInBrowser = (api: TestApi, cookie?: string) =>
    fetch(`${api.baseUrl}/graphql`, {
      headers: { accept: 'text/html,application/xhtml+xml', ...(cookie ? { cookie } : {}) },
    });

  /** Signs in over HTTP as the web app does and returns the refresh-token cookie and the access token. */
  async function signIn(api: TestApi, email: string): Promise<{ cookie: string; token: string }> {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN.text, variables: { input: { email, password: TEST_PASSWORD } } }),
    });
    const body = (await response.json()) as { data: { login: { accessToken: string } } };
    return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, token: body.data.login.accessToken };
  }

  it('opens for anyone in development, while operations keep their CSRF protection', async () => {
    const page = await openInBrowser(development);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<title>explorer</title>');
    // The page is reached only through /graphql, and a GET that is not a browser's is Apollo's.
    expect((await fetch(`${development.baseUrl}/explorer/explorer/index.html`)).status).toBe(404);
    const get = await fetch(`${development.baseUrl}/graphql?query=%7B__typename%7D`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    expect((await development.gql(INTROSPECTION)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('opens in production for a signed-in admin only, and only admins read the schema there', async () => {
    const anonymous = await openInBrowser(production);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toMatch(/sign in to the web app at \/ first/);

    const ivy = await signIn(production, 'ivy@example.com');
    const refused = await openInBrowser(production, ivy.cookie);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/for admins/);
    const ivyReads = await production.gql(INTROSPECTION, {}, ivy.token);
    expect(ivyReads.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/for signed-in admins/),
      extensions: { code: 'FORBIDDEN' },
    });
    expect(errorCode(await production.gql(INTROSPECTION))).toBe('FORBIDDEN');
    expect((await production.gql('{ me { __typename } }', {}, ivy.token)).data).toEqual({ me: { __typename: 'User' } });

    const ada = await signIn(production, 'ada@example.com');
    const page = await openInBrowser(production, ada.cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>explorer</title>');
    // Opening the page does not use up the cookie: the web app's session goes on.
    expect((await openInBrowser(production, ada.cookie)).status).toBe(200);
    expect((await production.gql(INTROSPECTION, {}, ada.token)).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
  });
});
