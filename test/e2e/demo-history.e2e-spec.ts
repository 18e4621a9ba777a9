import type { ExperienceLevel } from '../../libs/domain';
import { operation, TestApi } from '../../libs/testing';
import { DEMO_HISTORY_APPLICATIONS } from '../../src/cli/demo-history';
import { seed } from '../../src/cli/seed';
import { loadConfig } from '../../src/config/app-config';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/modules/demo';

const FIGURES = operation<{
  positions: Array<{ id: string; title: string }>;
  pipelineSummary: { applications: number; hired: number; rejected: number; benchmarkSuccessRate: number | null };
  successRatesByExperienceLevel: Array<{ experienceLevel: ExperienceLevel; applications: number }>;
  interviewerCalibration: Array<{ scorecards: number }>;
  stageTimings: Array<{ scorecards: number }>;
  rejectionReasons: Array<{ rejections: number }>;
}>(`query DemoFigures {
  positions { id title }
  pipelineSummary { applications hired rejected benchmarkSuccessRate }
  successRatesByExperienceLevel { experienceLevel applications }
  interviewerCalibration { scorecards }
  stageTimings { scorecards }
  rejectionReasons { rejections }
}`);
const STAGE_RATES = operation<{ stageSuccessRates: Array<{ entered: number }> }, { id: string }>(
  `query DemoStageRates($id: ID!) { stageSuccessRates(positionId: $id) { entered } }`,
);
const QUEUE = operation<{
  myWorkQueue: Record<
    'toSchedule' | 'overdueScorecards' | 'stalled' | 'decisionsWaiting' | 'awaitingHire',
    { count: number }
  >;
}>(`query DemoQueue { myWorkQueue {
  toSchedule { count } overdueScorecards { count } stalled { count } decisionsWaiting { count } awaitingHire { count }
} }`);

describe('demo data with history', () => {
  const api = new TestApi();
  let seconds: number;

  const applications = async () =>
    Number((await api.orm.em.fork().getConnection().execute('select count(*) as n from application'))[0]!.n);

  beforeAll(async () => {
    await api.start();
    await api.reset();
    // What `npm start` runs before the API: built-in plan, demo users and positions, demo history.
    const started = Date.now();
    await seed({ ...loadConfig(), demoData: true });
    seconds = (Date.now() - started) / 1000;
  }, 180_000);
  afterAll(() => api.close());

  it('writes a few hundred applications once, and nothing more the second time', async () => {
    const first = await applications();
    expect(first).toBeGreaterThanOrEqual(DEMO_HISTORY_APPLICATIONS);
    expect(seconds).toBeLessThan(120);
    await seed({ ...loadConfig(), demoData: true });
    expect(await applications()).toBe(first);
  }, 120_000);

  it.each([
    ['hiring manager', DEMO_USERS[1].email],
    ['recruiter', DEMO_USERS[0].email],
  ])("fills the demo %s's figures and work queue", async (_role, email) => {
    const token = await api.login(email, DEMO_PASSWORD);
    const figures = await api.gql(FIGURES, {}, token);
    expect(figures.errors).toBeUndefined();
    const data = figures.data!;
    expect(data.positions.length).toBeGreaterThanOrEqual(3);
    expect(data.pipelineSummary.applications).toBeGreaterThanOrEqual(DEMO_HISTORY_APPLICATIONS);
    expect(data.pipelineSummary.hired).toBeGreaterThan(0);
    expect(data.pipelineSummary.rejected).toBeGreaterThan(0);
    expect(data.successRatesByExperienceLevel.every((row) => row.applications > 0)).toBe(true);
    expect(data.interviewerCalibration.length).toBeGreaterThan(0);
    expect(data.stageTimings.some((row) => row.scorecards > 0)).toBe(true);
    expect(data.rejectionReasons.length).toBeGreaterThan(0);
    let entered = 0;
    for (const position of data.positions) {
      const rates = await api.gql(STAGE_RATES, { id: position.id }, token);
      entered += rates.data!.stageSuccessRates.reduce((sum, row) => sum + row.entered, 0);
    }
    expect(entered).toBeGreaterThan(DEMO_HISTORY_APPLICATIONS);

    const queue = (await api.gql(QUEUE, {}, token)).data!.myWorkQueue;
    const waiting = Object.values(queue).reduce((sum, section) => sum + section.count, 0);
    expect(waiting).toBeGreaterThan(0);
  });
});
