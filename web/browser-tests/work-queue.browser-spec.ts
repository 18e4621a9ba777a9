import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '../../libs/domain';
import {
  ADVANCE_APPLICATION,
  applyCandidate,
  COMPLETE_INTERVIEW,
  dataOf,
  loadBuiltInPlan,
  moveInterviewIntoPast,
  openPositionFromBuiltInPlan,
  scheduleInterview,
  scorecardInput,
  submitScorecard,
  hoursFromNow,
  heldInterview,
  TestApi,
  type Person,
} from '../../libs/testing';
import { loadConfig } from '../../src/config/app-config';
import { StageVisit } from '../../src/modules/pipeline';
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

/** More applications waiting to be scheduled than the queue lists (50 a section). */
const WAITING_TO_SCHEDULE = 55;

/**
 * The recruiter's work queue, their home: real work made through the API (applications with no
 * interview, one stalled past its stage's SLA, a scorecard overdue from one panelist, a stage
 * decision waiting), its counts and items, a link to where each is acted on, more waiting than is
 * listed, 768 px, and the loading, error and empty states.
 */
describe('the recruiter’s work queue in the browser', () => {
  // The set-up applies more candidates than a recruiter's mutation limit a minute allows.
  const api = new TestApi({ rateLimits: { ...loadConfig().rateLimits, mutationsPerUserPerMinute: 1_000_000 } });
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let people: Record<'rita' | 'nora' | 'hank' | 'ann' | 'ben', Person>;
  const ids: Record<string, string> = {};
  const step = walk(90_000, () => page);
  const section = (title: RegExp) =>
    page.getByTestId('work-section').filter({ has: page.getByRole('heading', { name: title }) });
  const item = (title: RegExp, name: string) => section(title).getByTestId('work-item').filter({ hasText: name });

  beforeAll(async () => {
    ensureWebAppBuilt();
    await api.start();
    await api.reset();
    await loadBuiltInPlan(api);
    people = await createPeople(api, {
      rita: { roles: [Role.RECRUITER], name: 'Rita Recruiter' },
      nora: { roles: [Role.RECRUITER], name: 'Nora Newcomer' },
      hank: { roles: [Role.HIRING_MANAGER], name: 'Hank Manager' },
      ann: { roles: [Role.INTERVIEWER], name: 'Ann Interviewer' },
      ben: { roles: [Role.INTERVIEWER], name: 'Ben Interviewer' },
    });
    const { rita, ann, ben } = people;
    const position = await openPositionFromBuiltInPlan(rita, {
      hiringManagerId: people.hank.id,
      recruiterIds: [rita.id],
      title: 'Platform Engineer',
    });
    const stages = position.plan.stages;
    const advance = async (applicationId: string) =>
      dataOf(await rita.gql(ADVANCE_APPLICATION, { input: { applicationId, reason: 'Set-up' } }), 'Advancing');

    // Dora has waited ten days in the first stage with nothing booked: to schedule, and stalled.
    ids.dora = await applyCandidate(rita, position.id, { name: 'Dora Stalled' });
    await api.orm.em
      .fork()
      .nativeUpdate(StageVisit, { application: ids.dora, exitedAt: null }, { enteredAt: hoursFromNow(-240) });
    // Many more wait for their first interview than the queue lists.
    for (let index = 0; index < WAITING_TO_SCHEDULE - 1; index += 1)
      await applyCandidate(rita, position.id, { name: `Waiting Candidate ${index + 1}` });

    // Bob's technical interview was held three days ago (its feedback was due 24 hours after): Ben submitted, Ann's scorecard is overdue.
    ids.bob = await applyCandidate(rita, position.id, { name: 'Bob Overdue' });
    await advance(ids.bob);
    const booked = dataOf(
      await scheduleInterview(rita, {
        applicationId: ids.bob,
        startsAt: hoursFromNow(24),
        endsAt: hoursFromNow(25),
        interviewerIds: [ann.id, ben.id],
      }),
      'Scheduling Bob',
    ).scheduleInterview.interview.id;
    await moveInterviewIntoPast(api, booked, { startsAt: hoursFromNow(-74), endsAt: hoursFromNow(-73) });
    dataOf(await rita.gql(COMPLETE_INTERVIEW, { input: { interviewId: booked } }), 'Completing Bob’s interview');
    await submitScorecard(ben, scorecardInput(position.plan, stages[1]!, booked, 3, 'YES'));

    // Carl's panel has submitted: the stage decision waits for a person.
    ids.carl = await applyCandidate(rita, position.id, { name: 'Carl Decided' });
    await advance(ids.carl);
    const held = await heldInterview(api, rita, ids.carl, [ann.id]);
    dataOf(await rita.gql(COMPLETE_INTERVIEW, { input: { interviewId: held } }), 'Completing Carl’s interview');
    await submitScorecard(ann, scorecardInput(position.plan, stages[1]!, held, 4, 'YES'));

    browser = await launchBrowser();
    context = await newContext(browser, api.baseUrl);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await api.close();
  });

  step('is the recruiter’s home: every section with its count, longest waiting first', async () => {
    await signInThroughPage(page, 'rita@example.com');
    await page.waitForURL(/\/work-queue$/);
    await page.getByRole('heading', { name: 'Work queue', level: 1 }).waitFor();
    await section(/^Scorecards overdue \(1\)$/).waitFor();
    await section(/^Interviews to schedule \(55\)$/).waitFor();
    await section(/^Stalled past the SLA \(1\)$/).waitFor();
    await section(/^Stage decisions waiting \(1\)$/).waitFor();
    await section(/^Waiting for the hire decision \(0\)$/)
      .getByText('Nobody is waiting for the hire decision.')
      .waitFor();
    // The summary names each count.
    await page.getByRole('link', { name: /^55\s*Interviews to schedule$/ }).waitFor();
    await expect(page.getByRole('link', { name: 'Home', exact: true }).count()).resolves.toBe(0);

    // Whose scorecard is overdue: Ann's, not Ben's (he submitted).
    const overdue = item(/^Scorecards overdue/, 'Bob Overdue');
    const overdueText = await overdue.textContent();
    expect(overdueText).toContain('Waiting for Ann Interviewer');
    expect(overdueText).not.toContain('Ben Interviewer');
    // Held 73 hours ago, feedback due 24 hours after: due two days ago.
    expect(overdueText).toMatch(/Technical interview, held .* \(2 days ago\)/);

    // Longest waiting first, in the viewer's zone (Berlin in winter: CET), and more than are listed.
    const toSchedule = section(/^Interviews to schedule/).getByTestId('work-item');
    await expect(toSchedule.count()).resolves.toBe(10);
    await expect(toSchedule.first().textContent()).resolves.toMatch(/^Dora Stalled.*\(10 days\)/);
    await expect(toSchedule.first().textContent()).resolves.toMatch(/\d{2}:\d{2} CET/);
    await section(/^Interviews to schedule/)
      .getByText(/^The queue lists the 50 longest waiting of 55\./)
      .waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'work-queue');
    await page.getByRole('button', { name: 'Show 40 more interviews to schedule' }).click();
    await expect(toSchedule.count()).resolves.toBe(50);
    await expect(item(/^Stalled/, 'Dora Stalled').textContent()).resolves.toContain('for 10 days');
    await item(/^Stage decisions waiting/, 'Carl Decided').waitFor();
  });

  step('links each item to where it is acted on', async () => {
    await item(/^Interviews to schedule/, 'Dora Stalled')
      .getByRole('link', { name: 'Schedule an interview: Dora Stalled' })
      .click();
    await page.waitForURL(new RegExp(`/applications/${ids.dora}/schedule$`));
    await page.getByRole('heading', { name: 'Schedule: Dora Stalled' }).waitFor();
    await page.goBack();

    await item(/^Stalled/, 'Dora Stalled')
      .getByRole('link', { name: 'Open on the board: Dora Stalled' })
      .click();
    await page.waitForURL(/\/positions\/[\w-]+\/pipeline\?q=Dora%20Stalled$/);
    await page.getByTestId('application-card').filter({ hasText: 'Dora Stalled' }).waitFor();
    await page.goBack();

    await item(/^Stage decisions waiting/, 'Carl Decided')
      .getByRole('link', { name: 'Decide: Carl Decided' })
      .click();
    await page.waitForURL(/\/decisions$/);
    await page.getByTestId('decision').filter({ hasText: 'Carl Decided' }).waitFor();

    await page.getByRole('link', { name: 'Work queue' }).click();
    await item(/^Scorecards overdue/, 'Bob Overdue')
      .getByRole('link', { name: 'Open the application: Bob Overdue' })
      .click();
    await page.waitForURL(new RegExp(`/candidates/[\\w-]+#application-${ids.bob}$`));
  });

  step('works at 768 px wide', async () => {
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.goto('/');
    await page.waitForURL(/\/work-queue$/);
    await section(/^Scorecards overdue \(1\)$/).waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'work-queue-768');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  step('shows the loading state, then the server’s message when the queue cannot be loaded', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      if (!route.request().postData()?.includes('query WorkQueue')) return route.continue();
      await held;
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [{ message: 'The database is restarting; try again in a minute.', extensions: { code: 'INTERNAL' } }],
          data: null,
        }),
      });
    });
    await page.goto('/work-queue');
    await page.getByRole('status').filter({ hasText: 'Loading your work queue' }).waitFor();
    release();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load your work queue' });
    await alert.getByText('The database is restarting; try again in a minute.').waitFor();
    await page.unroute('**/graphql');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await section(/^Scorecards overdue \(1\)$/).waitFor();
  });

  step('says that nothing is waiting for a recruiter with no work', async () => {
    const other = await (await newContext(browser, api.baseUrl)).newPage();
    try {
      await signInThroughPage(other, 'nora@example.com');
      await other.waitForURL(/\/work-queue$/);
      await other.getByText('Nothing waiting for you').waitFor();
      await expectNoSeriousAxeViolations(other);
    } finally {
      await other.context().close();
    }
  });

  step('leaves the hiring manager’s home as it was, with the way to their decisions', async () => {
    const other = await (await newContext(browser, api.baseUrl)).newPage();
    try {
      await signInThroughPage(other, 'hank@example.com');
      await other.getByRole('heading', { name: 'Hello, Hank Manager' }).waitFor();
      expect(new URL(other.url()).pathname).toBe('/');
      await other.getByRole('link', { name: 'Open the decisions waiting' }).waitFor();
    } finally {
      await other.context().close();
    }
  });
});
