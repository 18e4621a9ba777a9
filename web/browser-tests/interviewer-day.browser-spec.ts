import type { Browser, Page } from 'playwright-core';
import { Role } from '../../libs/domain';
import {
  applyCandidate,
  heldInterview,
  hoursFromNow,
  loadBuiltInPlan,
  openPositionFromBuiltInPlan,
  scheduleInterview,
  scorecardInput,
  submitScorecard,
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
 * The interviewer's day: my interviews (upcoming and past), the kit beside the scorecard, a draft
 * that saves itself and survives a reload, a submit that lists what is missing, the colleagues'
 * cards once submitted, an amendment with a reason. Nothing shows contact details.
 */
describe('the interviewer’s day in the browser', () => {
  const api = new TestApi();
  let browser: Browser;
  let page: Page;
  const people = {} as Record<'rita' | 'hank' | 'ann' | 'ben', Person>;
  let pastInterviewId = '';
  const step = walk(60_000, () => page);

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
        ann: { roles: [Role.INTERVIEWER], name: 'Ann Interviewer' },
        ben: { roles: [Role.INTERVIEWER], name: 'Ben Interviewer' },
      }),
    );
    const position = await openPositionFromBuiltInPlan(people.rita, {
      hiringManagerId: people.hank.id,
      recruiterIds: [people.rita.id],
      title: 'Platform Engineer',
    });
    const ada = await applyCandidate(people.rita, position.id, { name: 'Ada Lovelace', email: 'ada@example.net' });
    const grace = await applyCandidate(people.rita, position.id, { name: 'Grace Hopper', email: 'grace@example.net' });
    pastInterviewId = await heldInterview(api, people.rita, ada, [people.ann.id, people.ben.id]);
    const upcoming = await scheduleInterview(people.rita, {
      applicationId: grace,
      startsAt: hoursFromNow(48),
      endsAt: hoursFromNow(49),
      interviewerIds: [people.ann.id],
    });
    if (upcoming.errors) throw new Error(JSON.stringify(upcoming.errors));
    // Ben submitted already; Ann must not see his card before she submits hers.
    const stage = position.plan.stages[0]!;
    await submitScorecard(people.ben, scorecardInput(position.plan, stage, pastInterviewId, 2, 'NO'));

    browser = await launchBrowser();
    page = await (await newContext(browser, api.baseUrl)).newPage();
    page.setDefaultTimeout(10_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api.close();
  });

  step('lists my upcoming and past interviews with my scorecard’s state', async () => {
    await signInThroughPage(page, 'ann@example.com');
    await page.getByRole('link', { name: 'My interviews' }).click();
    await page.mouse.move(1200, 840); // not hovering the navigation when axe checks its contrast
    const row = page.getByTestId('my-interview');
    await row.filter({ hasText: 'Grace Hopper' }).waitFor();
    await expect(row.filter({ hasText: 'Grace Hopper' }).textContent()).resolves.toMatch(
      /CET|CEST|GMT\+[12].*Grace Hopper.*Platform Engineer.*Ann Interviewer.*Not started/,
    );
    expect(await row.count()).toBe(1);
    await expectNoSeriousAxeViolations(page);
    await page.getByText('Past', { exact: true }).click();
    await page.waitForURL(/\/interviews\?when=past$/);
    await row.filter({ hasText: 'Ada Lovelace' }).waitFor();
    await expect(row.textContent()).resolves.toMatch(
      /Ann Interviewer, Ben Interviewer|Ben Interviewer, Ann Interviewer/,
    );
    await screenshot(page, 'my-interviews');
  });

  step('opens the kit beside the scorecard, questions collapsed, no colleague card and no contact', async () => {
    await page.getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.waitForURL(new RegExp(`/interviews/${pastInterviewId}$`));
    const kit = page.getByTestId('interview-kit');
    await kit.getByRole('heading', { name: 'This stage' }).waitFor();
    await kit.getByText('Focus areas').waitFor();
    const firstQuestion = kit.getByRole('button', { expanded: false }).first();
    await firstQuestion.click();
    await kit.getByText('What we want to hear:').first().waitFor();
    await page.getByTestId('scorecard').getByRole('heading', { name: 'Your scorecard' }).waitFor();
    expect(await page.getByTestId('colleague-scorecard').count()).toBe(0);
    expect(await page.content()).not.toMatch(/ada@example\.net|Ben Interviewer<\/p>.*Recommendation/);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'interview-kit');
  });

  step('saves the draft by itself and keeps it across a reload', async () => {
    const first = page.getByTestId('criterion').first();
    await first.getByRole('radio').nth(2).check();
    await first.getByRole('textbox').fill('Walked through the design trade-offs clearly.');
    await page
      .getByTestId('save-state')
      .filter({ hasText: /^Saved \d\d:\d\d/ })
      .waitFor();
    await page.reload();
    const again = page.getByTestId('criterion').first();
    await again.getByRole('textbox').filter({ hasText: 'Walked through the design trade-offs clearly.' }).waitFor();
    expect(await again.getByRole('radio').nth(2).isChecked()).toBe(true);
  });

  step('lists what is missing on submit, then submits and shows the colleagues’ cards', async () => {
    await page.getByRole('button', { name: 'Submit scorecard' }).click();
    const missing = page.getByRole('alert').filter({ hasText: 'Before you submit, add:' });
    await missing.waitFor();
    await expect(missing.textContent()).resolves.toContain('A recommendation');
    await expectNoSeriousAxeViolations(page);

    const criteria = page.getByTestId('criterion');
    for (let index = 0; index < (await criteria.count()); index += 1) {
      const radios = criteria.nth(index).getByRole('radio');
      if (index > 0) await radios.nth((await radios.count()) - 1).check();
    }
    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('textbox', { name: 'Notes' }).fill('Would enjoy working with her.');
    await page.getByRole('button', { name: 'Submit scorecard' }).click();
    await page.getByRole('heading', { name: 'Your scorecard (submitted)' }).waitFor();
    // The own card reads as text: levels with their anchors, evidence and the recommendation, no inputs.
    const own = page.getByTestId('own-scorecard');
    await expect(own.textContent()).resolves.toMatch(/Recommendation: Yes.*Walked through the design trade-offs/);
    expect(await page.getByTestId('scorecard').getByRole('radio').count()).toBe(0);
    expect(await page.getByTestId('scorecard').getByRole('textbox').count()).toBe(0);
    const colleague = page.getByTestId('colleague-scorecard');
    await colleague.filter({ hasText: 'Ben Interviewer' }).waitFor();
    await expect(colleague.textContent()).resolves.toContain('Recommendation: No');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'scorecard-submitted');
  });

  step('amends the submitted scorecard with a reason', async () => {
    await page.getByRole('button', { name: 'Amend…' }).click();
    await page.getByRole('heading', { name: 'Amend your scorecard' }).waitFor();
    const save = page.getByRole('button', { name: 'Save amendment' });
    expect(await save.isDisabled()).toBe(true);
    await page.getByRole('radio', { name: 'Strong yes' }).check();
    await page
      .getByRole('textbox', { name: 'Why do you amend it?' })
      .fill('Re-read my notes: the system design was excellent.');
    await save.click();
    await page.getByRole('heading', { name: 'Your scorecard (submitted)' }).waitFor();
    await page
      .getByTestId('own-scorecard')
      .filter({ hasText: 'Recommendation: Strong yes' })
      .filter({ hasText: 'Re-read my notes: the system design was excellent.' })
      .waitFor();

    await page.goto('/interviews?when=past');
    await page.getByTestId('my-interview').filter({ hasText: 'Submitted' }).waitFor();
  });
});
