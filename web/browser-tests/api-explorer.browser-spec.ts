import type { Browser, Page } from 'playwright-core';
import { Role } from '../../libs/domain';
import { TEST_PASSWORD, TestApi } from '../../libs/testing';
import { ensureWebAppBuilt, launchBrowser, newContext, screenshot, walk } from './harness';

/**
 * The API explorer (GraphiQL, bundled; no CDN) at GET /graphql, as production serves it: an admin
 * signs in to the web app, opens /graphql, sees the schema's documentation and runs an operation
 * as themselves. A recruiter signed in the same way is refused.
 */
describe('the API explorer in the browser', () => {
  const api = new TestApi({ env: 'production' });
  let browser: Browser;
  let page: Page;
  const step = walk(60_000, () => page);

  beforeAll(async () => {
    ensureWebAppBuilt();
    await api.start();
    await api.reset();
    await api.createUser({ email: 'ada@example.com', name: 'Ada Admin', roles: [Role.ADMIN] });
    await api.createUser({ email: 'rita@example.com', name: 'Rita Recruiter', roles: [Role.RECRUITER] });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api.close();
  });

  async function signIn(email: string): Promise<Page> {
    const context = await newContext(browser, api.baseUrl);
    const signedIn = await context.newPage();
    await signedIn.goto('/sign-in');
    await signedIn.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await signedIn.getByRole('textbox', { name: 'Password' }).fill(TEST_PASSWORD);
    await signedIn.getByRole('button', { name: 'Sign in' }).click();
    await signedIn.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return signedIn;
  }

  step('refuses a recruiter with a message saying who may use it', async () => {
    page = await signIn('rita@example.com');
    const response = await page.goto('/graphql');
    expect(response?.status()).toBe(403);
    expect(await page.textContent('body')).toMatch(/for admins in this deployment/);
    await page.context().close();
  });

  step('opens for an admin, documents the schema and runs an operation as the admin', async () => {
    page = await signIn('ada@example.com');
    const response = await page.goto('/graphql');
    expect(response?.status()).toBe(200);
    await page.locator('.graphiql-container').waitFor();
    // The documentation shows once the schema has loaded; only then is the editor ready to run.
    await page.getByRole('button', { name: /Show Documentation Explorer/ }).click();
    await page.getByText('Root Types').waitFor();
    await page.getByRole('button', { name: /Execute query/ }).click();
    await page.getByText('"Ada Admin"').waitFor();
    await screenshot(page, 'api-explorer');
  });
});
