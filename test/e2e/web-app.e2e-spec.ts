import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/app-config';
import { TestApi } from '../../libs/testing';

describe('the web app served by the API', () => {
  const distDir = mkdtempSync(join(tmpdir(), 'ip-web-'));
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(distDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const api = new TestApi({ web: { distDir } });

  beforeAll(() => api.start());
  afterAll(async () => {
    await api.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('serves index.html at / and at client routes, never cached', async () => {
    for (const path of ['/', '/positions', '/positions/123/pipeline?stage=2', '/candidates/abc']) {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(await response.text()).toContain('<title>app</title>');
    }
  });

  it('caches hashed assets for a year and answers a missing asset with 404, not the page', async () => {
    const asset = await fetch(`${api.baseUrl}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${api.baseUrl}/assets/index-gone.js`)).status).toBe(404);
    expect((await fetch(`${api.baseUrl}/favicon.svg`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('leaves GraphQL, health checks and calendar feeds to the API', async () => {
    const graphql = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await fetch(`${api.baseUrl}/health/live`)).status).toBe(200);
    expect((await fetch(`${api.baseUrl}/health/nothing`)).status).toBe(404);
    expect((await fetch(`${api.baseUrl}/calendar/nobody/nothing.ics`)).status).toBe(404);
  });

  it('serves nothing at / when the app is not built', async () => {
    const bare = new TestApi({ web: { distDir: join(distDir, 'missing') } });
    await bare.start();
    try {
      expect((await fetch(`${bare.baseUrl}/`)).status).toBe(404);
      expect((await fetch(`${bare.baseUrl}/health/live`)).status).toBe(200);
    } finally {
      await bare.close();
    }
  });

  it('finds dist/web of the installation by default', () => {
    expect(loadConfig().web.distDir).toBe(join(__dirname, '..', '..', 'dist', 'web'));
  });
});
