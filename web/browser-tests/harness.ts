import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '../../libs/domain';
import type { Person, TestApi } from '../../libs/testing';

export { ensureWebAppBuilt } from './web-build';

const ROOT = join(__dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

/** Debian's Chromium; playwright's own browser download cannot work on these machines. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium, headless, with a fresh profile (playwright gives each launch its own user-data-dir). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', ...CHROMIUM_FLAGS] });
}

/** A browser context as a user in Berlin would have it, at 1280 px wide. */
export function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  // Reduced motion: no transitions, so the accessibility checks never see a dialog half faded.
  return browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 860 },
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
    reducedMotion: 'reduce',
  });
}

/** Fails with the list of serious and critical accessibility violations on the page, if any. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
          .join(' | ')}`,
    );
  expect({ url: page.url(), serious }).toEqual({ url: page.url(), serious: [] });
}

/** docs/screenshots/<name>.png, shown in the README. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Steps of one walk through the app: each is an `it`, run in order on a shared page. After a step
 * fails, the later ones fail at once (naming it) instead of each waiting for its timeout.
 */
export function walk(timeoutMs = 30_000, currentPage?: () => Page | undefined) {
  let failed: string | null = null;
  return (name: string, run: () => Promise<void>) =>
    it(
      name,
      async () => {
        if (failed) throw new Error(`not run: the step "${failed}" failed`);
        try {
          await run();
        } catch (error) {
          failed = name;
          // What the page showed when the step failed, for the one reading the CI log.
          const page = currentPage?.();
          if (page) {
            const path = join(ROOT, 'dist', 'browser-test-failures', `${name.replace(/\W+/g, '-')}.png`);
            mkdirSync(dirname(path), { recursive: true });
            await page.screenshot({ path }).catch(() => undefined);
            process.stderr.write(`Screenshot of the failed step: ${path}\n`);
          }
          throw error;
        }
      },
      timeoutMs,
    );
}

/**
 * Creates one user per key (`<key>@example.com`, the test password, in Berlin) with the roles and
 * display name given, each signed in through the API for the setup's own requests.
 */
export async function createPeople<Key extends string>(
  api: TestApi,
  users: Record<Key, { roles: Role[]; name: string; timezone?: string }>,
): Promise<Record<Key, Person>> {
  const people = {} as Record<Key, Person>;
  for (const [key, { roles, name, timezone }] of Object.entries(users) as Array<
    [Key, { roles: Role[]; name: string; timezone?: string }]
  >) {
    const user = await api.createUser({
      email: `${key}@example.com`,
      roles,
      name,
      timezone: timezone ?? 'Europe/Berlin',
    });
    const token = await api.login(user.email);
    people[key] = { user, id: user.id, email: user.email, token, gql: (op, vars) => api.gql(op, vars, token) };
  }
  return people;
}

/** Signs in through the sign-in page (the test password) and waits until the app has left it. */
export async function signInThroughPage(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in', { timeout: 30_000 }); // the first load may be slow on a busy machine
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
