import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '../../libs/domain';
import { TestApi } from '../../libs/testing';
import { loadConfig } from '../../src/config/app-config';
import { BuiltInCatalogService } from '../../src/modules/catalog/built-in-catalog.service';
import { Interview, InterviewPanelist } from '../../src/modules/scheduling/interview.entity';
import {
  ensureWebAppBuilt,
  expectNoSeriousAxeViolations,
  launchBrowser,
  newContext,
  screenshot,
  walk,
} from './harness';

/**
 * The recruiter's day in Chromium against the real API serving the built app, on this run's
 * database: sign in, create and open a position, import candidates, apply them, move one along
 * the board, schedule its panel from a suggested slot, see the panel's decision arrive as a
 * notification, advance and reject with reasons, survive a conflict, sign out. Each step is an
 * `it`; they share one browser page and depend on the previous steps.
 */
describe('the recruiter’s day in the browser', () => {
  // Access tokens of 62 seconds: the app refreshes a minute before expiry, here 5 s after sign-in.
  const api = new TestApi({ auth: { ...loadConfig().auth, accessTtlSeconds: 62 } });
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const people: Record<string, { id: string; email: string }> = {};
  let positionId = '';
  let charlesApplicationId = '';
  const POSITION = 'Backend Developer (Search)';
  const step = walk(30_000, () => page);

  /** GraphQL as one of the people, for what other roles do meanwhile (interviewers, a colleague). */
  async function as(who: string, query: string, variables: Record<string, unknown> = {}) {
    const result = await api.gql(query, variables, await api.login(people[who]!.email));
    if (result.errors) throw new Error(`${who}: ${JSON.stringify(result.errors)}`);
    return result.data!;
  }

  const card = (name: string) => page.getByTestId('application-card').filter({ hasText: name });
  const column = (name: string) =>
    page.getByTestId('stage-column').filter({ has: page.getByRole('heading', { name }) });

  async function chooseOption(label: string | RegExp, option: string | RegExp) {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option }).first().click();
  }

  beforeAll(async () => {
    ensureWebAppBuilt();
    await api.start();
    await api.reset();
    await api.app.get(BuiltInCatalogService).load();
    const users: Array<[string, Role[], string, string]> = [
      ['recruiter', [Role.RECRUITER], 'Rita Recruiter', 'Europe/Berlin'],
      ['manager', [Role.HIRING_MANAGER], 'Harold Manager', 'Europe/Berlin'],
      ['ann', [Role.INTERVIEWER], 'Ann Interviewer', 'Europe/London'],
      ['ben', [Role.INTERVIEWER], 'Ben Interviewer', 'America/New_York'],
    ];
    for (const [key, roles, name, timezone] of users) {
      const user = await api.createUser({ email: `${key}@example.com`, roles, name, timezone });
      people[key] = { id: user.id, email: user.email };
    }
    browser = await launchBrowser();
    context = await newContext(browser, api.baseUrl);
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api.close();
  });

  step('refuses a wrong password with the server’s message, then signs in', async () => {
    await page.goto('/positions');
    await page.waitForURL(/\/sign-in\?next=%2Fpositions$/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'sign-in');

    await page.getByRole('textbox', { name: 'E-mail' }).fill('recruiter@example.com');
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Wrong email or password.');

    await page.getByRole('textbox', { name: 'Password' }).fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/positions$/);
    await page.getByText('No positions yet').waitFor();
  });

  step('keeps the access token in memory and the refresh token in an httpOnly cookie, across a reload', async () => {
    const cookies = await context.cookies();
    // The same token is also sent to Bull Board (/admin/queues), which admins open with it.
    expect(
      cookies
        .map(({ name, httpOnly, sameSite, path }) => ({ name, httpOnly, sameSite, path }))
        .sort((a, b) => a.path.localeCompare(b.path)),
    ).toEqual([
      { name: 'ip_refresh_token', httpOnly: true, sameSite: 'Strict', path: '/admin/queues' },
      { name: 'ip_refresh_token', httpOnly: true, sameSite: 'Strict', path: '/graphql' },
    ]);
    expect(new Set(cookies.map((cookie) => cookie.value)).size).toBe(1);
    expect(await page.evaluate('[localStorage.length, sessionStorage.length, document.cookie]')).toEqual([0, 0, '']);
    await page.reload();
    await page.getByRole('heading', { name: 'Positions' }).waitFor();
    expect(page.url()).toMatch(/\/positions$/);
  });

  step('refreshes the access token silently before it expires, rotating the cookie', async () => {
    const refreshCookie = async (path: string) =>
      (await context.cookies()).find((cookie) => cookie.path === path)!.value;
    const before = await refreshCookie('/graphql');
    const refreshed = await page.waitForResponse(
      (response) => response.url().endsWith('/graphql') && /RefreshSession/.test(response.request().postData() ?? ''),
      { timeout: 15_000 },
    );
    expect(((await refreshed.json()) as any).data.refreshToken.user.email).toBe('recruiter@example.com');
    expect(await refreshCookie('/graphql')).not.toBe(before);
    expect(await refreshCookie('/admin/queues')).toBe(await refreshCookie('/graphql'));
    await page.getByRole('link', { name: 'Candidates' }).click();
    await page.getByText('No candidates yet').waitFor();
    await page.getByRole('link', { name: 'Positions' }).click();
  });

  step('creates a position from the plan template and opens it', async () => {
    await page.getByRole('button', { name: 'New position' }).click();
    const dialog = page.getByRole('dialog', { name: 'New position' });
    await dialog.getByRole('button', { name: 'Create position' }).click();
    await dialog.getByText('Give the position a title.').waitFor(); // checked before anything is sent
    await dialog.getByRole('textbox', { name: 'Title' }).fill(POSITION);
    await chooseOption(/Interview plan template/, /Backend Developer/);
    await chooseOption(/Company profile/, 'Enterprise');
    await chooseOption(/^Level/, 'Senior');
    await chooseOption(/Hiring manager/, /Harold Manager/);
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Create position' }).click();

    await page.waitForURL(/\/positions\/[\w-]+\/pipeline$/);
    positionId = page.url().split('/').at(-2)!;
    await page.getByRole('heading', { name: POSITION }).waitFor();
    await page.getByText('No active applications').waitFor();

    await page.getByRole('link', { name: 'Positions' }).click();
    await page.getByRole('button', { name: `Open position ${POSITION}` }).click();
    await page.getByRole('button', { name: `Close position ${POSITION}` }).waitFor();
    await page.locator('label', { hasText: /^Open$/ }).click();
    await page.waitForURL(/\/positions\?status=OPEN$/);
    await page.getByRole('link', { name: POSITION }).waitFor();
  });

  step('imports candidates from CSV and shows each refused line with its error', async () => {
    await page.getByRole('link', { name: 'Candidates' }).click();
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import candidates from CSV' });
    await dialog
      .getByRole('textbox', { name: 'CSV text' })
      .fill(
        [
          'name,email,experienceLevel,source',
          'Ada Lovelace,ada@example.net,SENIOR,referral',
          'Barbara Liskov,barbara@example.net,SENIOR,careers page',
          'Charles Babbage,charles@example.net,STAFF,referral',
          'Nobody Level,nobody@example.net,WIZARD,referral',
          'Dennis Ritchie,dennis@example.net,SENIOR,meetup',
        ].join('\n'),
      );
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.getByText('Imported 4 candidates; 1 line refused.').waitFor();
    const refused = dialog.getByTestId('import-line').filter({ hasText: 'WIZARD' });
    await expect(refused.textContent()).resolves.toMatch(/^5Nobody Level.*experienceLevel/);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'candidates-import');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // A duplicate is refused with the server's message, in the dialog that sent it.
    await page.getByRole('button', { name: 'New candidate' }).click();
    const create = page.getByRole('dialog', { name: 'New candidate' });
    await create.getByRole('textbox', { name: 'Name' }).fill('Ada Again');
    await create.getByRole('textbox', { name: 'E-mail' }).fill('ada@example.net');
    await create.getByRole('button', { name: 'Add candidate' }).click();
    await create.getByText('A candidate with the email ada@example.net already exists.').waitFor();
    await expectNoSeriousAxeViolations(page);
    await create.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('searchbox', { name: 'Search by name or e-mail' }).fill('lisk');
    await page.waitForURL(/\/candidates\?q=lisk$/);
    await page.getByRole('link', { name: 'Ada Lovelace' }).waitFor({ state: 'detached' });
    await page.getByRole('searchbox', { name: 'Search by name or e-mail' }).fill('');
    await page.getByRole('link', { name: 'Ada Lovelace' }).waitFor();
    await screenshot(page, 'candidates');
  });

  step('applies candidates to the position from their pages', async () => {
    for (const name of ['Ada Lovelace', 'Barbara Liskov', 'Charles Babbage']) {
      await page.goto('/candidates');
      await page.getByRole('link', { name }).click();
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      await chooseOption('Apply to an open position', new RegExp(POSITION.replace(/[()]/g, '\\$&')));
      await page.getByRole('button', { name: 'Apply', exact: true }).click();
      await page.getByRole('heading', { name: POSITION, level: 3 }).waitFor();
    }
    await page.getByText('In progress').first().waitFor();
    await expectNoSeriousAxeViolations(page);
  });

  step('advances a candidate on the board with a reason, sending the version it showed', async () => {
    await page.goto(`/positions/${positionId}/pipeline`);
    await page.getByText('3 applications on the board').waitFor();
    await card('Ada Lovelace').getByRole('button', { name: 'Actions for Ada Lovelace' }).click();
    await page.getByRole('menuitem', { name: 'Advance…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Advance: Ada Lovelace' });
    await dialog.getByText('Passes the current stage and opens Technical interview.').waitFor();
    await dialog.getByRole('textbox', { name: /Reason/ }).fill('Strong HR screen');
    await dialog.getByRole('button', { name: 'Advance' }).click();
    await column('Technical interview').getByText('Ada Lovelace').waitFor();
    expect(await column('HR screen').getByTestId('application-card').count()).toBe(2);
  });

  step('schedules the panel from a suggested slot, each panelist’s local time shown', async () => {
    await card('Ada Lovelace').getByRole('button', { name: 'Actions for Ada Lovelace' }).click();
    await page.getByRole('menuitem', { name: 'Schedule interview' }).click();
    await page.getByRole('heading', { name: 'Schedule: Ada Lovelace' }).waitFor();
    await page.getByText('Technical interview, 75 minutes').waitFor();
    await page.getByRole('combobox', { name: 'Panel' }).click();
    await page.getByRole('option', { name: /Ann Interviewer/ }).click();
    await page.getByRole('option', { name: /Ben Interviewer/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Suggest slots' }).click();
    const first = page.getByTestId('slot').first();
    await first.waitFor();
    // London and New York are five hours apart (four for a week or so in spring and autumn).
    await expect(first.textContent()).resolves.toMatch(
      /Ann Interviewer: \d\d:\d\d (GMT|BST).*Ben Interviewer: \d\d:\d\d (EST|EDT|GMT-[45])/,
    );
    await expect(page.getByText('Times in Europe/Berlin; each panelist').isVisible()).resolves.toBe(true);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'scheduling');
    await first.getByRole('button', { name: /^Book / }).click();
    await page.getByTestId('booked-interview').filter({ hasText: 'Scheduled' }).waitFor();
    await expect(page.getByTestId('booked-interview').textContent()).resolves.toMatch(
      /Ann Interviewer, Ben Interviewer/,
    );

    // The invite downloads as a file.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download invite' }).click();
    expect((await download).suggestedFilename()).toMatch(/^interview-technical-interview-\d{4}-\d\d-\d\d\.ics$/);
  });

  step('shows the panel’s decision as a notification, marked read from the bell', async () => {
    // The interview takes place (moved into the past), and both panelists submit their scorecards.
    const { application } = await as(
      'recruiter',
      `query ($id: ID!) { application(id: $id) { interviews { id stage { rubric { criteria { id } scaleMax } } } } }`,
      { id: page.url().split('/').at(-2) },
    );
    const interview = application.interviews[0];
    const em = api.orm.em.fork();
    const past = { startsAt: new Date(Date.now() - 3 * 3_600_000), endsAt: new Date(Date.now() - 2 * 3_600_000) };
    await em.nativeUpdate(Interview, { id: interview.id }, past);
    await em.nativeUpdate(InterviewPanelist, { interview: interview.id }, past);
    await as(
      'recruiter',
      `mutation ($input: CompleteInterviewInput!) { completeInterview(input: $input) { interview { id } } }`,
      {
        input: { interviewId: interview.id },
      },
    );
    for (const who of ['ann', 'ben']) {
      const saved = await as(
        who,
        `mutation ($input: SaveScorecardInput!) { saveScorecard(input: $input) { scorecard { id } } }`,
        {
          input: {
            interviewId: interview.id,
            ratings: interview.stage.rubric.criteria.map((criterion: { id: string }) => ({
              criterionId: criterion.id,
              score: interview.stage.rubric.scaleMax,
            })),
            recommendation: 'STRONG_YES',
          },
        },
      );
      await as(
        who,
        `mutation ($input: SubmitScorecardInput!) { submitScorecard(input: $input) { scorecard { id } } }`,
        {
          input: { scorecardId: saved.saveScorecard.scorecard.id },
        },
      );
    }

    await page.reload();
    const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
    await bell.click();
    await page.getByText('Decision waiting: Ada Lovelace, Technical interview').waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'notifications');
    await page.getByRole('button', { name: 'Mark read' }).click();
    await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
    await page.keyboard.press('Escape');

    // The notification's link leads to the candidate, at that application.
    await page.goto('/notifications');
    await page.getByText('Decision waiting: Ada Lovelace, Technical interview').waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('link', { name: 'Open application' }).click();
    await page.waitForURL(/\/candidates\/[\w-]+#application-[\w-]+$/);
    await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
    await page.getByText(/Technical interview: average \d\.\d\d/).waitFor();
  });

  step('advances on the decision and rejects another candidate with a reason code', async () => {
    await page.goto(`/positions/${positionId}/pipeline`);
    await page.getByText('3 applications on the board').waitFor();
    await card('Ada Lovelace').getByRole('button', { name: 'Actions for Ada Lovelace' }).click();
    await page.getByRole('menuitem', { name: 'Advance…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Advance' }).click();
    await column('Take-home coding challenge and review').getByText('Ada Lovelace').waitFor();

    await card('Barbara Liskov').getByRole('button', { name: 'Actions for Barbara Liskov' }).click();
    await page.getByRole('menuitem', { name: 'Reject…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject: Barbara Liskov' });
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await dialog.getByText('Choose a reason code and write the reason.').waitFor();
    await chooseOption('Reason code', 'Skills gap');
    await dialog.getByRole('textbox', { name: /Reason \(/ }).fill('No production experience with search engines');
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await card('Barbara Liskov').waitFor({ state: 'detached' });
    await page.getByText('2 applications on the board').waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'pipeline-board');

    // The rejection is on the candidate's stage history, with its reason code.
    await page.goto('/candidates?q=barbara');
    await page.getByRole('link', { name: 'Barbara Liskov' }).click();
    await page.getByText('Skills gap: No production experience with search engines').waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'candidate');
  });

  step('offers to reload when someone else moved the application first (CONFLICT)', async () => {
    await page.goto(`/positions/${positionId}/pipeline`);
    await card('Charles Babbage').waitFor();
    const { position } = await as(
      'manager',
      `query ($id: ID!) { position(id: $id) { applications(status: ACTIVE) { edges { node { id candidate { name } } } } } }`,
      {
        id: positionId,
      },
    );
    const charles = position.applications.edges.find(
      (edge: any) => edge.node.candidate.name === 'Charles Babbage',
    ).node;
    charlesApplicationId = charles.id;
    // The hiring manager advances Charles meanwhile; this board still shows him in the HR screen.
    await as(
      'manager',
      `mutation ($input: AdvanceApplicationInput!) { advanceApplication(input: $input) { application { id } } }`,
      { input: { applicationId: charles.id, reason: 'Strong referral' } },
    );

    await card('Charles Babbage').getByRole('button', { name: 'Actions for Charles Babbage' }).click();
    await page.getByRole('menuitem', { name: 'Put on hold…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Put on hold: Charles Babbage' });
    await dialog.getByRole('textbox', { name: /Reason/ }).fill('Waiting for the references');
    await dialog.getByRole('button', { name: 'Put on hold' }).click();
    await dialog.getByText('This application changed').waitFor();
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(/changed since you loaded it/);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'pipeline-conflict');
    await dialog.getByRole('button', { name: 'Reload the board' }).click();
    await column('Technical interview').getByText('Charles Babbage').waitFor();
    expect(await card('Charles Babbage').getByText('On hold').count()).toBe(0);
  });

  step('reschedules to another suggested slot, cancels with a reason, and copies the calendar feed URL', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/applications/${charlesApplicationId}/schedule`);
    await page.getByRole('heading', { name: 'Schedule: Charles Babbage' }).waitFor();
    await page.getByRole('combobox', { name: 'Panel' }).click();
    await page.getByRole('option', { name: /Ann Interviewer/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Suggest slots' }).click();
    await page
      .getByTestId('slot')
      .first()
      .getByRole('button', { name: /^Book / })
      .click();
    const booked = page.getByTestId('booked-interview');
    await booked.filter({ hasText: 'Scheduled' }).waitFor();
    const firstTime = await booked.locator('td').nth(1).textContent();

    await booked.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByRole('heading', { name: 'Reschedule the Technical interview interview' }).waitFor();
    await page.getByRole('button', { name: 'Suggest slots' }).click();
    await page
      .getByTestId('slot')
      .nth(1)
      .getByRole('button', { name: /^Move here / })
      .click();
    await page.getByRole('heading', { name: 'Find a time' }).waitFor();
    await expect(booked.locator('td').nth(1).textContent()).resolves.not.toBe(firstTime);

    await booked.getByRole('button', { name: 'Cancel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel the interview' });
    await dialog.getByRole('textbox', { name: 'Reason (optional)' }).fill('The candidate asked to pause');
    await dialog.getByRole('button', { name: 'Cancel interview' }).click();
    await booked.filter({ hasText: 'Cancelled' }).filter({ hasText: 'The candidate asked to pause' }).waitFor();

    await page.getByRole('button', { name: 'Copy calendar feed URL' }).click();
    await page.getByText('Copied. Add it to your calendar app').waitFor();
    // Absolute under PUBLIC_URL (the test server listens elsewhere, so the same path is asked of it).
    const feedUrl = String(await page.evaluate('navigator.clipboard.readText()'));
    expect(feedUrl.startsWith(`${loadConfig().http.publicUrl}/calendar/`)).toBe(true);
    expect(feedUrl).toMatch(/\/calendar\/[\w-]+\/[\w-]+\.ics$/);
    const feed = await fetch(`${api.baseUrl}${new URL(feedUrl).pathname}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
  });

  step('counts candidates up to 1,000 and shows "1,000+" past that', async () => {
    await api.orm.em.getConnection().execute(
      `insert into candidate (id, created_at, updated_at, name, email, experience_level)
       select gen_random_uuid(), now() - make_interval(mins => n), now(), 'Bulk Person ' || n,
              'bulk.person.' || n || '@bulk.test', 'MID'
       from generate_series(1, 1001) n`,
    );
    await page.goto('/candidates');
    await page.getByText('1,000+ in total', { exact: true }).waitFor();
    await page.getByText('Showing 25 of 1,000+', { exact: true }).waitFor();
    // A narrower search is counted exactly: Bulk Person 100, 1000 and 1001.
    await page.getByRole('searchbox', { name: 'Search by name or e-mail' }).fill('bulk person 100');
    await page.getByText('3 matching', { exact: true }).waitFor();
    await page.getByText('Showing 3 of 3', { exact: true }).waitFor();
    await page.getByRole('searchbox', { name: 'Search by name or e-mail' }).fill('bulk');
    await page.getByText('1,000+ matching', { exact: true }).waitFor();
  });

  step('works at 768 px wide', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto('/positions');
    await page.getByRole('link', { name: POSITION }).waitFor();
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Candidates' }).waitFor();
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'positions-768');
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.reload();
    await page.getByRole('link', { name: POSITION }).waitFor();
    await screenshot(page, 'positions');
  });

  step('signs out: the cookie is cleared and pages send back to sign-in', async () => {
    await page.getByRole('button', { name: 'Account of Rita Recruiter' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    expect((await context.cookies()).filter((cookie) => cookie.value)).toEqual([]);
    await page.goto('/candidates');
    await page.waitForURL(/\/sign-in\?next=%2Fcandidates$/);
  });
});
