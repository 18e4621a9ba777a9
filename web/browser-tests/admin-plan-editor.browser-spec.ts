import type { Browser, Page } from 'playwright-core';
import { Role } from '../../libs/domain';
import { loadBuiltInPlan, TestApi, type Person } from '../../libs/testing';
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

const LATEST_PLAN = `query { planTemplates { id version skillRequirements { skill { name } } stages {
  id order name durationMinutes feedbackDueHours autoAdvance passThreshold focusAreas participants
  questions { id prompt } practicalTask { title }
  rubric { criteria { name weight levels { score label } } }
} } }`;

interface LatestPlan {
  planTemplates: Array<{
    id: string;
    version: number;
    skillRequirements: Array<{ skill: { name: string } }>;
    stages: Array<{
      id: string;
      order: number;
      name: string;
      durationMinutes: number;
      feedbackDueHours: number;
      autoAdvance: boolean;
      passThreshold: number | null;
      focusAreas: string[];
      participants: string[];
      questions: Array<{ id: string; prompt: string }>;
      practicalTask: { title: string } | null;
      rubric: { criteria: Array<{ name: string; weight: number; levels: Array<{ score: number; label: string }> }> };
    }>;
  }>;
}

/**
 * The admin edits an interview plan template: a stage's settings and lists, a rubric, the stage's
 * questions from the bank, its practical task; stages added, moved and removed; skills to verify
 * changed and removed. The API's refusals appear on the fields they name, a save based on an old
 * version offers the latest one, unsaved edits are not lost without asking, and every save is
 * checked through the API.
 */
describe('the plan template editor in the browser', () => {
  const api = new TestApi();
  let browser: Browser;
  let page: Page;
  let alice: Person;
  const step = walk(150_000, () => page);
  const latest = async () => {
    const result = await api.gql(LATEST_PLAN, {}, alice.token);
    expect(result.errors).toBeUndefined();
    return (result.data as LatestPlan).planTemplates[0]!;
  };
  const technical = async () => (await latest()).stages.find((stage) => stage.name === 'Technical interview')!;
  const technicalDeepDive = async () => (await latest()).stages.find((stage) => stage.name === 'Technical deep dive')!;

  beforeAll(async () => {
    ensureWebAppBuilt();
    await api.start();
    await api.reset();
    await loadBuiltInPlan(api);
    ({ alice } = await createPeople(api, { alice: { roles: [Role.ADMIN], name: 'Alice Admin' } }));
    browser = await launchBrowser();
    page = await (await newContext(browser, api.baseUrl)).newPage();
    page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api.close();
  });

  step('opens a template from the list and edits a stage, saved as the next version', async () => {
    await signInThroughPage(page, 'alice@example.com');
    await page.getByRole('link', { name: 'Plan templates' }).click();
    await page.getByRole('link', { name: 'Edit this template' }).click();
    await page.waitForURL(/\/admin\/plan-templates\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Edit Backend Developer' }).waitFor();
    await page.getByText('Every save creates version 2 of this template').waitFor();
    await page.getByRole('button', { name: /^2\. Technical interview/ }).click();
    await page.waitForURL(/stage=2/);

    const settings = page.getByRole('form', { name: 'Settings of Technical interview' });
    await settings.getByRole('textbox', { name: 'Duration (minutes)' }).fill('75');
    await settings.getByRole('textbox', { name: 'Feedback due (hours after the interview)' }).fill('36');
    await settings.getByRole('switch', { name: 'Advance by itself' }).check({ force: true });
    await settings.getByRole('button', { name: 'Add participant' }).click();
    const participants = settings.getByRole('textbox', { name: /^Participant \d+$/ });
    await participants.last().fill('Staff engineer');
    await settings.getByRole('button', { name: 'Add focus area' }).click();
    await settings
      .getByRole('textbox', { name: /^Focus area \d+$/ })
      .last()
      .fill('Reading unfamiliar code');
    await settings.getByRole('button', { name: 'Save stage' }).click();
    await page.getByText('Stage "Technical interview" saved as version 2.').waitFor();

    const saved = await latest();
    expect(saved.version).toBe(2);
    expect(page.url()).toContain(`/admin/plan-templates/${saved.id}?stage=2`);
    const stage = saved.stages.find((candidate) => candidate.order === 2)!;
    expect(stage).toMatchObject({ durationMinutes: 75, feedbackDueHours: 36, autoAdvance: true });
    expect(stage.participants).toContain('Staff engineer');
    expect(stage.focusAreas.at(-1)).toBe('Reading unfamiliar code');
  });

  step("shows the API's refusal of a pass threshold on that field, and writes nothing", async () => {
    const settings = page.getByRole('form', { name: 'Settings of Technical interview' });
    const threshold = settings.getByRole('textbox', { name: 'Pass threshold' });
    await threshold.fill('9');
    await settings.getByRole('button', { name: 'Save stage' }).click();
    await settings.getByText('9 is outside the rubric scale 1..4').waitFor();
    // The message is the field's own description of its error, for screen readers too.
    const describedBy = (await threshold.getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(
      describedBy
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(descriptions.join(' ')).toContain('9 is outside the rubric scale 1..4');
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    expect((await latest()).version).toBe(2);
    await page.mouse.move(1200, 840);
    await expectNoSeriousAxeViolations(page);

    await threshold.fill('3');
    await settings.getByRole('button', { name: 'Save stage' }).click();
    await page.getByText('Stage "Technical interview" saved as version 3.').waitFor();
    expect((await technical()).passThreshold).toBe(3);
  });

  step('edits the rubric: a weight the API refuses, then new weights and an anchored level', async () => {
    await page.getByRole('tab', { name: 'Rubric' }).click();
    const rubric = page.getByRole('form', { name: 'Rubric of Technical interview' });
    const weight = rubric.getByRole('textbox', { name: 'Criterion 1 weight' });
    await weight.fill('0');
    await rubric.getByRole('button', { name: 'Save rubric' }).click();
    await rubric.getByText('must be positive').waitFor();
    expect(await weight.getAttribute('aria-invalid')).toBe('true');
    expect((await latest()).version).toBe(3);
    await page.mouse.move(1200, 840);
    await expectNoSeriousAxeViolations(page);

    await weight.fill('2.5');
    await rubric.getByRole('textbox', { name: 'Criterion 1, level 4 label' }).fill('Outstanding');
    await rubric.getByRole('button', { name: 'Save rubric' }).click();
    await page.getByText('Rubric of "Technical interview" saved as version 4.').waitFor();
    const criteria = (await technical()).rubric.criteria;
    expect(criteria[0]).toMatchObject({ weight: 2.5 });
    expect(criteria[0]!.levels.find((level) => level.score === 4)!.label).toBe('Outstanding');
  });

  step('adds a question from the bank to the stage', async () => {
    const before = (await technical()).questions.map((question) => question.id);
    await page.getByRole('tab', { name: /^Questions/ }).click();
    const questions = page.getByRole('form', { name: 'Questions of Technical interview' });
    await questions.getByRole('combobox', { name: 'Add a question from the bank' }).click();
    const option = page.getByRole('option').first();
    const prompt = (await option.textContent())!.trim();
    await option.click();
    await questions.getByTestId('stage-question').filter({ hasText: prompt }).waitFor();
    await questions.getByRole('button', { name: 'Save questions' }).click();
    await page.getByText('Questions of "Technical interview" saved as version 5.').waitFor();
    const after = (await technical()).questions;
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)!.prompt).toBe(prompt);
    await page.mouse.move(1200, 840);
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'admin-plan-editor');
  });

  step('refuses a save based on an old version and offers the latest', async () => {
    // Someone else saves version 6 meanwhile.
    const stage = await technical();
    const other = await api.gql(
      'mutation ($input: UpdatePlanStageInput!) { updatePlanStage(input: $input) { stage { planId } } }',
      { input: { stageId: stage.id, name: 'Technical deep dive' } },
      alice.token,
    );
    expect(other.errors).toBeUndefined();
    const settings = page.getByRole('form', { name: 'Settings of Technical interview' });
    await settings.getByRole('textbox', { name: 'Duration (minutes)' }).fill('80');
    await settings.getByRole('button', { name: 'Save stage' }).click();
    await settings.getByText('Someone changed this template').waitFor();
    await settings.getByRole('button', { name: 'Open the latest version' }).click();
    const newest = await latest();
    expect(newest.version).toBe(6);
    await page.waitForURL(new RegExp(`/admin/plan-templates/${newest.id}`));
    // The editor starts again from what the server holds.
    const reloaded = page.getByRole('form', { name: 'Settings of Technical deep dive' });
    expect(await reloaded.getByRole('textbox', { name: 'Duration (minutes)' }).inputValue()).toBe('75');
  });

  step('adds a stage through a dialog that takes and gives back the focus', async () => {
    const add = page.getByRole('button', { name: 'Add a stage…' });
    await add.click();
    const dialog = page.getByRole('dialog', { name: 'Add a stage' });
    const name = dialog.getByRole('textbox', { name: 'Name' });
    await name.waitFor();
    // The dialog moves the focus in an effect, and gives it back when its closing transition ends:
    // wait for that (up to 5 s) instead of sampling the focus once, then check it.
    const focusSettles = (condition: string) =>
      page.waitForFunction(condition, undefined, { timeout: 5_000 }).catch(() => null);
    const nameId = await name.getAttribute('id');
    await focusSettles(`document.activeElement && document.activeElement.id === ${JSON.stringify(nameId)}`);
    expect(await page.evaluate('document.activeElement.id')).toBe(nameId);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await focusSettles(`document.activeElement && document.activeElement.textContent === 'Add a stage…'`);
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Add a stage…');

    await page.keyboard.press('Enter');
    await name.fill('Reference check');
    await dialog.getByRole('button', { name: 'Add the stage' }).click();
    await page.getByText('"Reference check" added: version 7.').waitFor();
    const stages = (await latest()).stages;
    expect(stages.at(-1)!.name).toBe('Reference check');
    await page.getByRole('form', { name: 'Settings of Reference check' }).waitFor();
  });

  step('changes where a skill is verified; a must-verify skill in no stage is refused on that field', async () => {
    await page.getByRole('button', { name: 'Edit skill API design' }).click();
    const dialog = page.getByRole('dialog', { name: 'Skill: API design' });
    const stages = dialog.getByRole('checkbox');
    for (const box of await stages.all()) if (await box.isChecked()) await box.uncheck();
    await dialog.getByRole('button', { name: 'Save skill' }).click();
    await dialog.getByText('"API design" must be verified, so at least one stage has to verify it').waitFor();
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('checkbox', { name: '5. Behavioral interview' }).check();
    await dialog.getByRole('button', { name: 'Save skill' }).click();
    await page.getByText('Skill API design saved.').waitFor();
    const result = await api.gql(
      'query { planTemplates { version skillRequirements { skill { name } verifiedIn { name } } } }',
      {},
      alice.token,
    );
    const plan = (
      result.data as {
        planTemplates: Array<{
          version: number;
          skillRequirements: Array<{ skill: { name: string }; verifiedIn: Array<{ name: string }> }>;
        }>;
      }
    ).planTemplates[0]!;
    expect(plan.version).toBe(8);
    expect(plan.skillRequirements.find((requirement) => requirement.skill.name === 'API design')!.verifiedIn).toEqual([
      { name: 'Behavioral interview' },
    ]);
  });

  step('removes a skill to verify once the removal is confirmed', async () => {
    const rows = page.getByTestId('skill-requirement');
    const count = await rows.count();
    await page.getByRole('button', { name: 'Remove skill Cloud services…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove skill Cloud services' });
    await dialog.getByText('Interviewers stop giving a verdict on Cloud services in version 9').waitFor();
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await latest()).version).toBe(8);

    await page.getByRole('button', { name: 'Remove skill Cloud services…' }).click();
    await dialog.getByRole('button', { name: 'Remove the skill' }).click();
    await page.getByText('Skill Cloud services removed: version 9.').waitFor();
    await rows.filter({ hasText: 'Cloud services' }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(count - 1);
    const saved = await latest();
    expect(saved.version).toBe(9);
    expect(saved.skillRequirements.map((requirement) => requirement.skill.name)).not.toContain('Cloud services');
    expect(saved.skillRequirements).toHaveLength(count - 1);
  });

  step('asks before unsaved edits are lost: another stage, another page, the tab', async () => {
    // Whether the page stops the tab from closing (its listener registers once React has rendered the edit).
    const stopsUnload = (expected: boolean) =>
      page.waitForFunction((stops) => {
        // Written without DOM types: this file compiles with the API's settings.
        const window = globalThis as unknown as {
          Event: new (type: string, init: { cancelable: boolean }) => { defaultPrevented: boolean };
          dispatchEvent(event: unknown): boolean;
        };
        const event = new window.Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented === stops;
      }, expected);
    const settings = page.getByRole('form', { name: 'Settings of Reference check' });
    const duration = settings.getByRole('textbox', { name: 'Duration (minutes)' });
    await stopsUnload(false);
    await duration.fill('45');
    await stopsUnload(true);

    await page.getByRole('button', { name: /^2\. Technical deep dive/ }).click();
    const prompt = page.getByRole('dialog', { name: 'Discard unsaved edits?' });
    await prompt.getByRole('listitem').filter({ hasText: 'Settings' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await prompt.getByRole('button', { name: 'Stay and keep the edits' }).click();
    await prompt.waitFor({ state: 'hidden' });
    expect(page.url()).toContain('stage=7');
    expect(await duration.inputValue()).toBe('45');

    await page.getByRole('link', { name: 'Back to the templates' }).click();
    await prompt.waitFor();
    await prompt.getByRole('button', { name: 'Stay and keep the edits' }).click();
    await prompt.waitFor({ state: 'hidden' });
    expect(page.url()).toMatch(/\/admin\/plan-templates\/[0-9a-f-]{36}\?stage=7$/);
    expect(await duration.inputValue()).toBe('45');

    await page.getByRole('button', { name: /^2\. Technical deep dive/ }).click();
    await prompt.getByRole('button', { name: 'Discard the edits' }).click();
    await page.getByRole('form', { name: 'Settings of Technical deep dive' }).waitFor();
    expect(page.url()).toContain('stage=2');
    await stopsUnload(false);
    expect((await latest()).version).toBe(9);
  });

  step('moves a stage down and up again', async () => {
    const order = async () => (await latest()).stages.sort((a, b) => a.order - b.order).map((stage) => stage.name);
    const before = await order();
    expect(before[1]).toBe('Technical deep dive');
    await page.getByRole('button', { name: 'Move Technical deep dive down' }).click();
    await page.getByText('"Technical deep dive" moved to place 3: version 10.').waitFor();
    const moved = await order();
    expect(moved).toEqual([before[0], before[2], before[1], ...before.slice(3)]);
    await page.waitForURL(/stage=3$/);
    await page.getByRole('button', { name: /^3\. Technical deep dive/ }).waitFor();

    await page.getByRole('button', { name: 'Move Technical deep dive up' }).click();
    await page.getByText('"Technical deep dive" moved to place 2: version 11.').waitFor();
    expect(await order()).toEqual(before);
    await page.getByRole('form', { name: 'Settings of Technical deep dive' }).waitFor();
  });

  step('removes a stage once the removal is confirmed', async () => {
    const count = (await latest()).stages.length;
    await page.getByRole('button', { name: 'Remove Reference check…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Reference check' });
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Remove the stage' }).click();
    await page.getByText('"Reference check" removed: version 12.').waitFor();
    const stages = (await latest()).stages;
    expect(stages).toHaveLength(count - 1);
    expect(stages.map((stage) => stage.name)).not.toContain('Reference check');
    expect(await page.getByTestId('editor-stage').count()).toBe(count - 1);
  });

  step('chooses a practical task for a stage', async () => {
    await page.getByRole('button', { name: /^2\. Technical deep dive/ }).click();
    await page.waitForURL(/stage=2$/);
    await page.getByRole('tab', { name: 'Practical task' }).click();
    const form = page.getByRole('form', { name: 'Practical task of Technical deep dive' });
    await form.getByRole('combobox', { name: 'Practical task' }).click();
    await page.getByRole('option', { name: /^Optimise a slow SQL query/ }).click();
    await form.getByRole('button', { name: 'Save practical task' }).click();
    await page.getByText('Practical task of "Technical deep dive" saved as version 13.').waitFor();
    expect((await technicalDeepDive()).practicalTask).toEqual({ title: 'Optimise a slow SQL query' });
    await page.mouse.move(1200, 840);
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('tab', { name: 'Settings' }).click();
  });

  step('fits a 768 px wide window', async () => {
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.getByRole('form', { name: 'Settings of Technical deep dive' }).waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousAxeViolations(page);
  });
});
