import { Role } from '../../libs/domain';
import {
  ADVANCE_APPLICATION,
  ANALYTICS_CSV,
  applyCandidate,
  errorCode,
  loadBuiltInPlan,
  NO_ROLLUP_DIFFERENCES,
  openPositionFromBuiltInPlan,
  PIPELINE_SUMMARY,
  QUESTION_EFFECTIVENESS,
  REJECT_APPLICATION,
  REJECTION_REASONS,
  rollupDifferencesInTestDatabase,
  signInPeople,
  SKIP_STAGE,
  STAGE_ENTRIES_BY,
  STAGE_RATES_BY,
  STAGE_SUCCESS_RATES,
  STAGE_TIMINGS,
  SUCCESS_RATES_BY_EXPERIENCE_LEVEL,
  TestApi,
  WITHDRAW_APPLICATION,
  type Person,
} from '../../libs/testing';

describe('analytics over GraphQL', () => {
  const api = new TestApi();
  let people: Record<'recruiter' | 'manager' | 'other' | 'ines', Person>;
  let recruiter: Person;
  let positionId: string;
  let otherPositionId: string;

  const position = async (title: string, managerId: string, companyProfile: string) =>
    (
      await openPositionFromBuiltInPlan(recruiter, {
        title,
        level: 'MID',
        companyProfile,
        hiringManagerId: managerId,
        recruiterIds: [recruiter.id],
      })
    ).id;

  const application = (positionId: string, name: string, level: string) =>
    applyCandidate(recruiter, positionId, { name, email: `${name}@example.net`, experienceLevel: level });

  beforeAll(async () => {
    await api.start();
    await api.reset();
    await loadBuiltInPlan(api);
    people = await signInPeople(api, {
      recruiter: [Role.RECRUITER],
      manager: [Role.HIRING_MANAGER],
      other: [Role.HIRING_MANAGER],
      ines: [Role.INTERVIEWER],
    });
    recruiter = people.recruiter;
    positionId = await position('Backend', people.manager.id, 'STARTUP');
    otherPositionId = await position('Platform', people.other.id, 'ENTERPRISE');
    // Backend: a passes stage 1 then fails stage 2; b fails stage 1; c withdraws in stage 1; d skips stage 1 and is in stage 2.
    const [a, b, c, d] = [
      await application(positionId, 'a', 'SENIOR'),
      await application(positionId, 'b', 'JUNIOR'),
      await application(positionId, 'c', 'SENIOR'),
      await application(positionId, 'd', 'MID'),
    ];
    await recruiter.gql(ADVANCE_APPLICATION, { input: { applicationId: a } });
    await recruiter.gql(REJECT_APPLICATION, { input: { applicationId: a, reason: 'no' } });
    await recruiter.gql(REJECT_APPLICATION, {
      input: { applicationId: b, reason: 'Not enough backend depth', reasonCode: 'SKILLS_GAP' },
    });
    await recruiter.gql(WITHDRAW_APPLICATION, { input: { applicationId: c } });
    await recruiter.gql(SKIP_STAGE, { input: { applicationId: d, reason: 'referral' } });
    await application(otherPositionId, 'e', 'STAFF');
  });
  afterAll(() => api.close());

  it('counts every stage as defined: entered, passed, failed, withdrawn, in progress, Wilson interval', async () => {
    const result = await recruiter.gql(STAGE_SUCCESS_RATES, { id: positionId });
    const [first, second, third] = result.data!.stageSuccessRates;
    expect(first).toMatchObject({
      order: 1,
      entered: 4,
      passed: 1,
      failed: 1,
      withdrawn: 1,
      inProgress: 0,
      passRate: 0.5,
    });
    expect(first!.passRateLow).toBeCloseTo(0.0945, 3);
    expect(first!.passRateHigh).toBeCloseTo(0.9055, 3);
    expect(first!.medianHoursInStage).toBeGreaterThanOrEqual(0);
    expect(second).toMatchObject({
      order: 2,
      entered: 2,
      passed: 0,
      failed: 1,
      withdrawn: 0,
      inProgress: 1,
      passRate: 0,
    });
    expect(third).toMatchObject({ entered: 0, passRate: null, passRateLow: null, medianHoursInStage: null });
  });

  it('summarises outcomes overall and by experience level, with filters', async () => {
    const summary = await recruiter.gql(PIPELINE_SUMMARY, {});
    expect(summary.data!.pipelineSummary).toMatchObject({
      applications: 5,
      active: 2,
      hired: 0,
      rejected: 2,
      withdrawn: 1,
      overallSuccessRate: 0,
    });
    const levels = await recruiter.gql(SUCCESS_RATES_BY_EXPERIENCE_LEVEL, {});
    expect(levels.data!.successRatesByExperienceLevel).toEqual([
      { experienceLevel: 'JUNIOR', applications: 1, rejected: 1, withdrawn: 0, active: 0, successRate: 0 },
      { experienceLevel: 'MID', applications: 1, rejected: 0, withdrawn: 0, active: 1, successRate: null },
      { experienceLevel: 'SENIOR', applications: 2, rejected: 1, withdrawn: 1, active: 0, successRate: 0 },
      { experienceLevel: 'STAFF', applications: 1, rejected: 0, withdrawn: 0, active: 1, successRate: null },
    ]);
    const filtered = await recruiter.gql(PIPELINE_SUMMARY, { f: { companyProfiles: ['ENTERPRISE'] } });
    expect(filtered.data!.pipelineSummary.applications).toBe(1);
    const future = await recruiter.gql(PIPELINE_SUMMARY, {
      f: { from: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(future.data!.pipelineSummary.applications).toBe(0);
    const backwards = await recruiter.gql(PIPELINE_SUMMARY, {
      f: { from: new Date().toISOString(), to: new Date(Date.now() - 1000).toISOString() },
    });
    expect(errorCode(backwards)).toBe('BAD_USER_INPUT');
  });

  it('shows a hiring manager only their positions, and interviewers nothing', async () => {
    const mine = await people.other.gql(PIPELINE_SUMMARY, {});
    expect(mine.data!.pipelineSummary.applications).toBe(1);
    expect(errorCode(await people.other.gql(STAGE_SUCCESS_RATES, { id: positionId }))).toBe('NOT_FOUND');
    expect(errorCode(await people.ines.gql(PIPELINE_SUMMARY, {}))).toBe('FORBIDDEN');
  });

  it('exports a table as CSV', async () => {
    const csv = await recruiter.gql(ANALYTICS_CSV, { table: 'STAGE_SUCCESS_RATES', id: positionId });
    const lines = (csv.data!.analyticsCsv as string).trim().split('\n');
    expect(lines[0]).toBe(
      'stageKind,stageName,order,entered,passed,failed,withdrawn,inProgress,passRate,passRateLow,passRateHigh,medianHoursInStage,benchmarkPassRate,passRateVsBenchmark',
    );
    expect(lines[1]).toMatch(/^HR_SCREEN,HR screen,1,4,1,1,1,0,0.5,/);
  });

  it('breaks stage rates down across positions, times stages and counts rejection reasons', async () => {
    const byLevel = await recruiter.gql(STAGE_RATES_BY, { by: 'EXPERIENCE_LEVEL' });
    expect(byLevel.data!.stageRatesBy).toEqual([
      // HR screen: b (JUNIOR) failed; d (MID) skipped; a (SENIOR) passed, c (SENIOR) withdrew; e (STAFF) is in it.
      {
        stageKind: 'HR_SCREEN',
        group: 'JUNIOR',
        entered: 1,
        passed: 0,
        failed: 1,
        withdrawn: 0,
        inProgress: 0,
        passRate: 0,
      },
      {
        stageKind: 'HR_SCREEN',
        group: 'MID',
        entered: 1,
        passed: 0,
        failed: 0,
        withdrawn: 0,
        inProgress: 0,
        passRate: null,
      },
      {
        stageKind: 'HR_SCREEN',
        group: 'SENIOR',
        entered: 2,
        passed: 1,
        failed: 0,
        withdrawn: 1,
        inProgress: 0,
        passRate: 1,
      },
      {
        stageKind: 'HR_SCREEN',
        group: 'STAFF',
        entered: 1,
        passed: 0,
        failed: 0,
        withdrawn: 0,
        inProgress: 1,
        passRate: null,
      },
      {
        stageKind: 'TECHNICAL',
        group: 'MID',
        entered: 1,
        passed: 0,
        failed: 0,
        withdrawn: 0,
        inProgress: 1,
        passRate: null,
      },
      {
        stageKind: 'TECHNICAL',
        group: 'SENIOR',
        entered: 1,
        passed: 0,
        failed: 1,
        withdrawn: 0,
        inProgress: 0,
        passRate: 0,
      },
    ]);
    const reasons = await recruiter.gql(REJECTION_REASONS, {});
    expect(reasons.data!.rejectionReasons).toEqual([
      { stageKind: 'HR_SCREEN', reasonCode: 'SKILLS_GAP', rejections: 1, share: 1 },
      { stageKind: 'TECHNICAL', reasonCode: 'OTHER', rejections: 1, share: 1 },
    ]);
    const timings = await recruiter.gql(STAGE_TIMINGS, {});
    expect(
      timings.data!.stageTimings.map((row: { stageKind: string; entered: number }) => [row.stageKind, row.entered]),
    ).toEqual([
      ['HR_SCREEN', 5],
      ['TECHNICAL', 2],
    ]);
    expect(timings.data!.stageTimings[0]).toMatchObject({ withInterview: 0, scorecards: 0 });
    expect(timings.data!.stageTimings[0]!.averageHoursInStage).toBeGreaterThanOrEqual(0);
    const questions = await recruiter.gql(QUESTION_EFFECTIVENESS, {});
    expect(questions.data!.questionEffectiveness).toEqual([]);

    // A hiring manager sees only their position's visits; an interviewer nothing.
    const theirs = await people.other.gql(STAGE_ENTRIES_BY, { by: 'COMPANY_PROFILE' });
    expect(theirs.data!.stageRatesBy).toEqual([{ stageKind: 'HR_SCREEN', group: 'ENTERPRISE', entered: 1 }]);
    expect(errorCode(await people.ines.gql(REJECTION_REASONS, {}))).toBe('FORBIDDEN');

    const csv = await recruiter.gql(ANALYTICS_CSV, { table: 'REJECTION_REASONS' });
    expect((csv.data!.analyticsCsv as string).trim().split('\n')).toEqual([
      'stageKind,reasonCode,rejections,share',
      'HR_SCREEN,SKILLS_GAP,1,1',
      'TECHNICAL,OTHER,1,1',
    ]);
  });

  it('kept the rollups, through every mutation above, equal to a rebuild from the base tables', async () => {
    expect(await rollupDifferencesInTestDatabase()).toEqual(NO_ROLLUP_DIFFERENCES);
  });
});
