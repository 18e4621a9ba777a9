import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../../libs/domain';
import { ALL_QUEUES } from '../../libs/jobs';
import { LOGIN, TEST_PASSWORD, TestApi } from '../../libs/testing';

describe('Bull Board at /admin/queues', () => {
  // A built web app too: its static files and Bull Board's must live side by side.
  const distDir = mkdtempSync(join(tmpdir(), 'ip-board-'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>app</title>');
  const api = new TestApi({ web: { distDir } });

  beforeAll(async () => {
    await api.start();
    await api.reset();
    await api.createUser({ email: 'ada@example.com', roles: [Role.ADMIN] });
    await api.createUser({ email: 'rex@example.com', roles: [Role.RECRUITER] });
  });
  afterAll(async () => {
    await api.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  /** Signs in as the web app does: the access token and the cookie a browser sends to /admin/queues. */
  async function signIn(email: string): Promise<{ token: string; cookie: string }> {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN.text, variables: { input: { email, password: TEST_PASSWORD } } }),
    });
    const body = (await response.json()) as { data: { login: { accessToken: string } } };
    const forBoard = response.headers.getSetCookie().find((cookie) => /Path=\/admin\/queues/.test(cookie));
    expect(forBoard).toMatch(/HttpOnly/);
    expect(forBoard).toMatch(/SameSite=Strict/);
    return { token: body.data.login.accessToken, cookie: forBoard!.split(';')[0]! };
  }

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}${path}`, { headers: { accept: 'text/html', ...headers } });

  it('refuses without a valid session (401) and for anyone but an admin (403), page, assets and API alike', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/favicon.ico']) {
      const anonymous = await get(path);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.text()).toMatch(/signed-in admins/);
      expect((await get(path, { authorization: 'Bearer not-a-token' })).status).toBe(401);
      expect((await get(path, { cookie: 'ip_refresh_token=unknown' })).status).toBe(401);
    }
    const recruiter = await signIn('rex@example.com');
    const byToken = await get('/admin/queues', { authorization: `Bearer ${recruiter.token}` });
    expect(byToken.status).toBe(403);
    expect(await byToken.text()).toMatch(/for admins/);
    expect((await get('/admin/queues/api/queues', { cookie: recruiter.cookie })).status).toBe(403);
  });

  it('shows an admin every queue, and the page loads its own assets under the security policy', async () => {
    const admin = await signIn('ada@example.com');
    const sessions: Array<Record<string, string>> = [
      { authorization: `Bearer ${admin.token}` },
      { cookie: admin.cookie },
    ];
    for (const credentials of sessions) {
      const page = await get('/admin/queues', credentials);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const html = await page.text();
      // Scripts only from files of the same origin, which the policy allows; no inline script runs.
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toMatch(/script-src 'self'/);
      expect(html).not.toMatch(/<script(?![^>]*(\ssrc=|type="application\/json"))[^>]*>/);
      const base = /<base href="([^"]+)"/.exec(html)![1]!;
      const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!);
      const styles = [...html.matchAll(/<link href="(static\/[^"]+\.css)"/g)].map((match) => match[1]!);
      expect(scripts.length).toBeGreaterThan(0);
      for (const asset of [scripts[0]!, styles[0]!]) {
        const url = new URL(asset, new URL(base, api.baseUrl));
        expect(url.pathname.startsWith('/admin/queues/static/')).toBe(true);
        const file = await fetch(url, { headers: credentials });
        expect(file.status).toBe(200);
        expect(file.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /text\/css/ : /javascript/);
        expect((await file.text()).length).toBeGreaterThan(100);
      }
      const listed = await get('/admin/queues/api/queues', { ...credentials, accept: 'application/json' });
      expect(listed.status).toBe(200);
      const { queues } = (await listed.json()) as { queues: Array<{ name: string }> };
      expect(queues.map((queue) => queue.name).sort()).toEqual([...ALL_QUEUES].sort());
    }
    // The web app is still served beside it.
    expect(await (await get('/somewhere')).text()).toContain('<title>app</title>');
  });
});
