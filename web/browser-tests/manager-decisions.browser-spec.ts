import type { Browser, Page } from 'playwright-core';
import { Role } from '../../libs/domain';
import {
  ADVANCE_APPLICATION,
  applyCandidate,
  COMPLETE_INTERVIEW,
  dataOf,
  heldInterview,
  loadBuiltInPlan,
  MOVE_APPLICATION_TO_STAGE,
  openPositionFromBuiltInPlan,
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
 * The hiring manager's decisions: the stage decisions waiting (recommendation, reasons, the panel's
 * scorecards), advance one and reject another with the suggested reason code; then the hire, once
 * refused by the hire gate (its missing skills named) and once done.
 */
describe('the hiring manager’s decisions in the browser', () => {
  const api = new TestApi();
  let browser: Browser;
  let page: Page;
  let people: Record<'rita' | 'hank' | 'ann' | 'ben', Person>;
  let missingForGrace: string[] = [];
  const step = walk(90_000, () => page);
  const decision = (name: string) => page.getByTestId('decision').filter({ hasText: name });
  const hire = (name: string) => page.getByTestId('hire-decision').filter({ hasText: name });

  beforeAll(async () => {
    ensureWebAppBuilt();
    await api.start();
    await api.reset();
    await loadBuiltInPlan(api);
    people = await createPeople(api, {
      rita: { roles: [Role.RECRUITER], name: 'Rita Recruiter' },
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
    /** The panel interviews for the current stage, and each panelist submits `score` and `recommendation`. */
    const interviewed = async (
      applicationId: string,
      stageIndex: number,
      panel: Person[],
      score: number,
      says: string,
    ) => {
      const interviewId = await heldInterview(
        api,
        rita,
        applicationId,
        panel.map((person) => person.id),
      );
      dataOf(await rita.gql(COMPLETE_INTERVIEW, { input: { interviewId } }), 'Completing the interview');
      for (const person of panel)
        await submitScorecard(person, scorecardInput(position.plan, stages[stageIndex]!, interviewId, score, says));
    };

    // Ada and Bob: the technical interview (a person decides it) held, the panel's decision waiting.
    const ada = await applyCandidate(rita, position.id, { name: 'Ada Lovelace' });
    const bob = await applyCandidate(rita, position.id, { name: 'Bob Builder' });
    for (const [id, score, says] of [
      [ada, 4, 'YES'],
      [bob, 1, 'STRONG_NO'],
    ] as const) {
      await advance(id);
      await interviewed(id, 1, [ann, ben], score, says);
    }
    // Carl went through every stage with every skill verified; he waits for the hire.
    const carl = await applyCandidate(rita, position.id, { name: 'Carl Complete' });
    for (let index = 0; index < stages.length; index += 1) {
      await interviewed(carl, index, [ann], 4, 'STRONG_YES');
      await advance(carl);
    }
    // Grace skipped to the last stage: the skills of the earlier stages were never verified.
    const grace = await applyCandidate(rita, position.id, { name: 'Grace Skipped' });
    dataOf(
      await rita.gql(MOVE_APPLICATION_TO_STAGE, {
        input: { applicationId: grace, stageId: stages.at(-1)!.id, reason: 'Referred by the CTO' },
      }),
      'Moving to the last stage',
    );
    await advance(grace);
    missingForGrace = position.plan.skillRequirements
      .filter((requirement) => requirement.priority === 'MUST_VERIFY')
      .map((requirement) => requirement.skill.name);

    browser = await launchBrowser();
    page = await (await newContext(browser, api.baseUrl)).newPage();
    page.setDefaultTimeout(15_000);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await api.close();
  });

  step('lists the decisions waiting with the recommendation, its reasons and the panel’s scorecards', async () => {
    await signInThroughPage(page, 'hank@example.com');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Decisions' }).click();
    await page.waitForURL(/\/decisions$/);
    await page.mouse.move(1200, 840);
    await page.getByRole('heading', { name: 'Stage decisions waiting (2)' }).waitFor();
    await decision('Ada Lovelace').getByText('Recommended: pass (advance)').waitFor();
    await decision('Bob Builder').getByText('Recommended: fail (reject)').waitFor();
    await expect(decision('Bob Builder').textContent()).resolves.toMatch(
      /reason code: Required skill not verified.*STRONG_NO from Ann Interviewer/,
    );

    await decision('Ada Lovelace').getByRole('button', { name: 'The panel’s scorecards' }).click();
    const cards = decision('Ada Lovelace').getByTestId('panel-scorecard');
    await cards.filter({ hasText: 'Ben Interviewer' }).waitFor();
    await expect(cards.filter({ hasText: 'Ann Interviewer' }).textContent()).resolves.toContain('Recommendation: Yes');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'decisions');
  });

  step('advances one and rejects the other with the suggested reason code', async () => {
    await decision('Ada Lovelace').getByRole('button', { name: 'Advance…' }).click();
    const advancing = page.getByRole('dialog', { name: 'Advance: Ada Lovelace' });
    await advancing.getByRole('button', { name: 'Advance' }).click();
    await decision('Ada Lovelace').waitFor({ state: 'detached' });

    await decision('Bob Builder').getByRole('button', { name: 'Reject…' }).click();
    const rejecting = page.getByRole('dialog', { name: 'Reject: Bob Builder' });
    expect(await rejecting.getByRole('combobox', { name: 'Reason code' }).inputValue()).toBe(
      'Required skill not verified',
    );
    await rejecting.getByRole('textbox', { name: /Reason \(/ }).fill('The panel found no production experience.');
    await expectNoSeriousAxeViolations(page);
    await rejecting.getByRole('button', { name: 'Reject' }).click();
    await decision('Bob Builder').waitFor({ state: 'detached' });
    await page.getByText('No stage decision is waiting for you').waitFor();
    await page.getByRole('heading', { name: 'Stage decisions waiting (0)' }).waitFor();
  });

  step('names the missing skills of the hire gate and shows the API’s refusal', async () => {
    const blocked = hire('Grace Skipped');
    await blocked.getByText('Hiring is blocked until these skills are verified').waitFor();
    for (const name of missingForGrace) await blocked.getByText(name, { exact: true }).first().waitFor();
    await blocked.getByRole('button', { name: 'Hire…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hire: Grace Skipped' });
    await dialog.getByText('Hiring is blocked until these skills are verified').waitFor();
    await dialog.getByRole('button', { name: 'Hire' }).click();
    await dialog.getByRole('alert').waitFor();
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(new RegExp(missingForGrace[0]!, 'i'));
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  step('hires the candidate whose skills are all verified', async () => {
    await hire('Carl Complete').getByText('Every skill the plan must verify is verified.').waitFor();
    await hire('Carl Complete').getByRole('button', { name: 'Hire…' }).click();
    await page.getByRole('dialog', { name: 'Hire: Carl Complete' }).getByRole('button', { name: 'Hire' }).click();
    await hire('Carl Complete').waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Waiting for the hire decision (1)' }).waitFor();
  });
});
