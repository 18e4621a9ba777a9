import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { Role } from '../../libs/domain';
import {
  ADVANCE_APPLICATION,
  applyCandidate,
  dataOf,
  loadBuiltInPlan,
  openPositionFromBuiltInPlan,
  REJECT_APPLICATION,
  TestApi,
  type Person,
} from '../../libs/testing';
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
 * The hiring manager's dashboard: the figures of their position, filters kept in the URL (and
 * across a reload), each chart with its table, a CSV download that is a real file.
 */
describe('the hiring manager’s dashboard in the browser', () => {
  const api = new TestApi();
  let browser: Browser;
  let page: Page;
  const people = {} as Record<'rita' | 'hank', Person>;
  const step = walk(60_000, () => page);
  const section = (name: string) => page.getByRole('region', { name });

  beforeAll(async () => {
    ensureWebAppBuilt();
    await api.start();
    await api.reset();
    await loadBuiltInPlan(api);
    Object.assign(
      people,
      await createPeople(api, {
        rita: { roles: [Role.RECRUITER], name: 'Rita Recruiter' },
        hank: { roles: [Role.HIRING_MANAGER], name: 'Hank Manager' },
      }),
    );
    const position = await openPositionFromBuiltInPlan(people.rita, {
      hiringManagerId: people.hank.id,
      recruiterIds: [people.rita.id],
      title: 'Platform Engineer',
    });
    const ada = await applyCandidate(people.rita, position.id, { name: 'Ada Lovelace', experienceLevel: 'SENIOR' });
    const bob = await applyCandidate(people.rita, position.id, { name: 'Bob Builder', experienceLevel: 'JUNIOR' });
    await applyCandidate(people.rita, position.id, { name: 'Cy Staff', experienceLevel: 'STAFF' });
    dataOf(
      await people.rita.gql(ADVANCE_APPLICATION, { input: { applicationId: ada, reason: 'Clear HR screen' } }),
      'Advancing',
    );
    dataOf(
      await people.rita.gql(REJECT_APPLICATION, {
        input: { applicationId: bob, reason: 'Too early in career', reasonCode: 'SKILLS_GAP' },
      }),
      'Rejecting',
    );

    browser = await launchBrowser();
    page = await (await newContext(browser, api.baseUrl)).newPage();
    page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api.close();
  });

  step('shows the figures with a table beside each chart and the rule of the calibration flag', async () => {
    await signInThroughPage(page, 'hank@example.com');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.mouse.move(1200, 840);
    const started = Date.now();
    await section('Summary').getByText('benchmark about 70%').waitFor();
    const funnel = section('Stage funnel').getByRole('table', { name: 'Stage funnel' });
    await funnel.getByRole('row').filter({ hasText: 'HR screen' }).waitFor();
    process.stdout.write(`Dashboard figures shown in ${Date.now() - started} ms after opening it\n`);
    await expect(funnel.getByRole('row').filter({ hasText: 'HR screen' }).textContent()).resolves.toMatch(
      /^HR screen3110150%/,
    );
    await section('Rejection reasons').getByRole('row').filter({ hasText: 'Skills gap' }).waitFor();
    await section('Interviewer calibration').getByText('at least 10 scorecards').waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'dashboard');
  });

  step('keeps the filters in the URL, across a reload', async () => {
    await page.getByRole('combobox', { name: 'Levels' }).click();
    await page.getByRole('option', { name: 'Staff' }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/dashboard\?levels=STAFF$/);
    const summary = section('Summary');
    const applications = summary.getByRole('group', { name: 'Applications' });
    await applications.filter({ hasText: /^Applications1$/ }).waitFor();
    await page.reload();
    await applications.filter({ hasText: /^Applications1$/ }).waitFor();
    await expect(page.getByRole('combobox', { name: 'Levels' }).inputValue()).resolves.toBe('');
    await page.getByText('Staff', { exact: true }).first().waitFor();
  });

  step('downloads a table as a CSV file', async () => {
    const download = page.waitForEvent('download');
    await section('Stage funnel')
      .getByRole('button', { name: /Download CSV/ })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('stage-success-rates.csv');
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text.split('\n')[0]).toMatch(/stage/i);
    expect(text).toContain('HR screen');
  });
});
