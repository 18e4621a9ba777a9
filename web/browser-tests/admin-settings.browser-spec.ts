import type { Browser, Page } from 'playwright-core';
import { Role } from '../../libs/domain';
import { loadBuiltInPlan, TestApi } from '../../libs/testing';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEvent, WebhookSubscription } from '../../src/modules/webhooks';
import {
  createPeople,
  ensureWebAppBuilt,
  expectNoSeriousAxeViolations,
  launchBrowser,
  newContext,
  screenshot,
  signInThroughPage,
  walk,
} from './harness';

/**
 * The admin's screens: users (a refused e-mail, create, change roles and time zone, deactivate and
 * reactivate), e-mail notification settings, webhooks (a refused URL, the secret shown once, a dead
 * delivery replayed, delete), the audit log's filters in the URL, the plan templates at a glance, and
 * the Job queues link to Bull Board (admins only).
 */
describe('the admin’s screens in the browser', () => {
  const api = new TestApi();
  let browser: Browser;
  let page: Page;
  const step = walk(150_000, () => page);
  const userRow = (name: string) => page.getByTestId('user-row').filter({ hasText: name });

  beforeAll(async () => {
    ensureWebAppBuilt();
    await api.start();
    await api.reset();
    await loadBuiltInPlan(api);
    await createPeople(api, {
      alice: { roles: [Role.ADMIN], name: 'Alice Admin' },
      rita: { roles: [Role.RECRUITER], name: 'Rita Recruiter' },
      ivan: { roles: [Role.INTERVIEWER], name: 'Ivan Interviewer' },
    });
    browser = await launchBrowser();
    page = await (await newContext(browser, api.baseUrl)).newPage();
    page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api.close();
  });

  step('creates a user after the API refuses a taken e-mail', async () => {
    await signInThroughPage(page, 'alice@example.com');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.waitForURL(/\/admin\/users$/);
    await page.mouse.move(1200, 840);
    await userRow('Ivan Interviewer').waitFor();
    expect(await page.getByTestId('user-row').count()).toBe(3);

    await page.getByRole('button', { name: 'New user…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Nina New');
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill('rita@example.com');
    await dialog.getByLabel('Initial password').fill('a-long-enough-passphrase-42');
    await dialog.getByRole('checkbox', { name: 'Interviewer' }).check();
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.getByText(/taken|exists|already/i).waitFor();
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill('nina@example.com');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await userRow('Nina New').waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'admin-users');
  });

  step('changes roles and time zone, deactivates and reactivates', async () => {
    await page.getByRole('button', { name: 'Edit Ivan Interviewer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Ivan Interviewer' });
    await dialog.getByRole('checkbox', { name: 'Hiring manager' }).check();
    await dialog.getByRole('combobox', { name: 'Time zone' }).fill('America/New_Y');
    await page.getByRole('option', { name: 'America/New_York' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await userRow('Ivan Interviewer')
      .filter({ hasText: 'Hiring manager' })
      .filter({ hasText: 'America/New_York' })
      .waitFor();

    await page.getByRole('button', { name: 'Deactivate Ivan Interviewer' }).click();
    await page
      .getByRole('dialog', { name: 'Deactivate Ivan Interviewer' })
      .getByRole('button', { name: 'Deactivate' })
      .click();
    await userRow('Ivan Interviewer').filter({ hasText: 'Deactivated' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit Ivan Interviewer' }).count()).toBe(0);
    expect(
      (
        await api.gql(
          'mutation { login(input: { email: "ivan@example.com", password: "correct-horse-battery" }) { accessToken } }',
        )
      ).errors,
    ).toBeDefined();
    // Deactivated users stay listed after leaving the page, so any of them can be reactivated later.
    await page.reload();
    await userRow('Ivan Interviewer').filter({ hasText: 'Deactivated' }).waitFor();
    expect(await page.getByTestId('user-row').filter({ hasText: 'Deactivated' }).count()).toBe(1);
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Reactivate Ivan Interviewer' }).click();
    await page.getByRole('button', { name: 'Edit Ivan Interviewer' }).waitFor();
    expect(await page.getByTestId('user-row').filter({ hasText: 'Deactivated' }).count()).toBe(0);
    expect(
      (
        await api.gql(
          'mutation { login(input: { email: "ivan@example.com", password: "correct-horse-battery" }) { accessToken } }',
        )
      ).errors,
    ).toBeUndefined();
  });

  step('keeps e-mail notification settings across a reload', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/settings$/);
    const decisions = page.getByRole('switch', { name: 'A stage decision waits for you' });
    expect(await decisions.isChecked()).toBe(true);
    await decisions.uncheck({ force: true });
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByText('Notification settings saved.').waitFor();
    await page.reload();
    await page.getByRole('switch', { name: 'A stage decision waits for you' }).waitFor();
    expect(await page.getByRole('switch', { name: 'A stage decision waits for you' }).isChecked()).toBe(false);
    await expectNoSeriousAxeViolations(page);
  });

  step('creates a webhook showing its secret once, replays a dead delivery, deletes it', async () => {
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByText('No webhook subscription').waitFor();
    await page.getByRole('button', { name: 'New subscription…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New webhook subscription' });
    await dialog.getByRole('textbox', { name: 'URL' }).fill('ftp://files.example.com/hook');
    await dialog.getByRole('checkbox', { name: 'Application hired' }).check();
    await dialog.getByRole('button', { name: 'Create subscription' }).click();
    await dialog.getByText('must be an http:// or https:// URL').waitFor();
    // A public address written as an IP: the API checks it without a DNS lookup.
    await dialog.getByRole('textbox', { name: 'URL' }).fill('https://203.0.113.10/hiring');
    await dialog.getByRole('button', { name: 'Create subscription' }).click();
    const secret = page.getByRole('dialog', { name: 'The signing secret, shown once' });
    await expect(secret.getByTestId('webhook-secret').textContent()).resolves.toMatch(/^whsec_/);
    await expectNoSeriousAxeViolations(page);
    await secret.getByRole('button', { name: 'I stored it' }).click();
    await page.getByTestId('webhook-subscription').filter({ hasText: 'https://203.0.113.10/hiring' }).waitFor();
    expect(await page.content()).not.toMatch(/whsec_/);

    // A delivery that failed for 24 hours (a dead letter), as the delivery job leaves it.
    const em = api.orm.em.fork();
    const subscription = await em.findOneOrFail(WebhookSubscription, { url: 'https://203.0.113.10/hiring' });
    const dead = new WebhookDelivery({
      subscription,
      event: WebhookEvent.APPLICATION_HIRED,
      eventKey: 'test',
      payload: {},
    });
    Object.assign(dead, { status: WebhookDeliveryStatus.FAILED, attempts: 12, lastError: 'HTTP 503' });
    await em.persist(dead).flush();

    await page.locator('label', { hasText: /^Delivered$/ }).click();
    await page.waitForURL(/status=DELIVERED/);
    await page.getByText('No delivered delivery').waitFor();
    await page.locator('label', { hasText: /^Failed$/ }).click();
    await page.waitForURL(/status=FAILED/);
    const row = page.getByTestId('webhook-delivery').filter({ hasText: 'HTTP 503' });
    await row.getByRole('button', { name: 'Replay' }).click();
    await page.getByText('Delivery queued again.').waitFor();
    await page.getByText('No failed delivery').waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'admin-webhooks');

    await page.getByRole('button', { name: 'Delete the subscription to https://203.0.113.10/hiring' }).click();
    await page.getByRole('dialog', { name: 'Delete the subscription' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No webhook subscription').waitFor();
  });

  step('filters the audit log, the filters kept in the URL', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByTestId('audit-entry').filter({ hasText: 'createUser' }).first().waitFor();
    await page.getByRole('textbox', { name: 'Action' }).fill('updateUser');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/action=updateUser/);
    await page.reload();
    const entries = page.getByTestId('audit-entry');
    await entries.filter({ hasText: 'Alice Admin' }).first().waitFor();
    const texts = await entries.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((text) => text.includes('updateUser'))).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Action' }).inputValue()).toBe('updateUser');
    await page.getByRole('textbox', { name: 'Action' }).fill('noSuchAction');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No entry matches').waitFor();
    await expectNoSeriousAxeViolations(page);
  });

  step('shows the plan templates at a glance, rubric levels and weights included, with a way to edit', async () => {
    await page.getByRole('link', { name: 'Plan templates' }).click();
    await page.mouse.move(1200, 840); // not hovering the navigation when axe checks its contrast
    await page.getByTestId('plan-stage').first().waitFor();
    await page.getByRole('table', { name: 'Rubric of HR screen' }).waitFor();
    await page.getByRole('table', { name: 'Skills to verify' }).waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    // Editing happens on the template's own page (admin-plan-editor.browser-spec.ts).
    expect(await page.getByRole('link', { name: 'Edit this template' }).getAttribute('href')).toMatch(
      /^\/admin\/plan-templates\/[0-9a-f-]{36}$/,
    );
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'admin-plan-templates');
  });

  step('links Bull Board in a new tab for admins only', async () => {
    const link = page.getByRole('link', { name: /^Job queues/ });
    expect(await link.getAttribute('href')).toBe('/admin/queues');
    expect(await link.getAttribute('target')).toBe('_blank');
    const [board] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await board.waitForLoadState();
    expect(new URL(board.url()).pathname).toBe('/admin/queues');
    // The sign-in's cookie lets the admin in: the board's page itself, not a 401 or 403.
    const status: unknown = await board.evaluate('performance.getEntriesByType("navigation")[0].responseStatus');
    expect(status).toBe(200);
    await board.close();

    const recruiterPage = await (await newContext(browser, api.baseUrl)).newPage();
    try {
      await signInThroughPage(recruiterPage, 'rita@example.com');
      await recruiterPage.getByRole('link', { name: 'Plan templates' }).waitFor();
      expect(await recruiterPage.getByRole('link', { name: /Job queues/ }).count()).toBe(0);
      expect(await recruiterPage.locator('a[href="/admin/queues"]').count()).toBe(0);
    } finally {
      await recruiterPage.context().close();
    }
  });
});
