import { Role } from '../../libs/domain';
import { errorCode, NO_ROLLUP_DIFFERENCES, rollupDifferencesInTestDatabase, TestApi } from '../../libs/testing';
import { BuiltInCatalogService } from '../../src/modules/catalog';

describe('analytics over GraphQL', () => {
  const api = new TestApi();
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let positionId: string;
  let otherPositionId: string;

  const gql = (query: string, variables: Record<string, unknown> = {}, who = 'recruiter') =>
    api.gql(query, variables, tokens[who]);

  async function position(title: string, managerId: string, companyProfile: string): Promise<string> {
    const template = (await gql('{ planTemplates { id } }')).data!.planTemplates[0];
    const created = await gql(
      `mutation ($input: CreatePositionInput!) { createPosition(input: $input) { position { id } } }`,
      {
        input: {
          title,
          level: 'MID',
          companyProfile,
          hiringManagerId: managerId,
          recruiterIds: [ids.recruiter],
          planTemplateId: template.id,
        },
      },
    );
    const id = created.data!.createPosition.position.id;
    await gql(`mutation ($id: ID!) { openPosition(id: $id) { position { id } } }`, { id });
    return id;
  }

  async function application(positionId: string, name: string, level: string): Promise<string> {
    const candidate = await gql(
      `mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { id } } }`,
      {
        input: { name, email: `${name}@example.net`, experienceLevel: level },
      },
    );
    const applied = await gql(`mutation ($input: ApplyInput!) { apply(input: $input) { application { id } } }`, {
      input: { candidateId: candidate.data!.createCandidate.candidate.id, positionId },
    });
    return applied.data!.apply.application.id;
  }

  const act = (mutation: string, type: string, input: object) =>
    gql(`mutation ($input: ${type}!) { ${mutation}(input: $input) { application { status } } }`, { input });

  beforeAll(async () => {
    await api.start();
    await api.reset();
    await api.app.get(BuiltInCatalogService).load();
    for (const [name, roles] of Object.entries({
      recruiter: [Role.RECRUITER],
      manager: [Role.HIRING_MANAGER],
      other: [Role.HIRING_MANAGER],
      ines: [Role.INTERVIEWER],
    })) {
      const { user, token } = await api.signedIn(`${name}@example.com`, roles);
      tokens[name] = token;
      ids[name] = user.id;
    }
    positionId = await position('Backend', ids.manager!, 'STARTUP');
    otherPositionId = await position('Platform', ids.other!, 'ENTERPRISE');
    // Backend: a passes stage 1 then fails stage 2; b fails stage 1; c withdraws in stage 1; d skips stage 1 and is in stage 2.
    const [a, b, c, d] = [
      await application(positionId, 'a', 'SENIOR'),
      await application(positionId, 'b', 'JUNIOR'),
      await application(positionId, 'c', 'SENIOR'),
      await application(positionId, 'd', 'MID'),
    ];
    await act('advanceApplication', 'AdvanceApplicationInput', { applicationId: a });
    await act('rejectApplication', 'RejectApplicationInput', { applicationId: a, reason: 'no' });
    await act('rejectApplication', 'RejectApplicationInput', {
      applicationId: b,
      reason: 'Not enough backend depth',
      reasonCode: 'SKILLS_GAP',
    });
    await act('withdrawApplication', 'WithdrawApplicationInput', { applicationId: c });
    await act('skipStage', 'SkipStageInput', { applicationId: d, reason: 'referral' });
    await application(otherPositionId, 'e', 'STAFF');
  });
  afterAll(() => api.close());

  it('counts every stage as defined: entered, passed, failed, withdrawn, in progress, Wilson interval', async () => {
    const result = await gql(
      `query ($id: ID!) { stageSuccessRates(positionId: $id) { order entered passed failed withdrawn inProgress passRate passRateLow passRateHigh medianHoursInStage } }`,
      { id: positionId },
    );
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
    expect(first.passRateLow).toBeCloseTo(0.0945, 3);
    expect(first.passRateHigh).toBeCloseTo(0.9055, 3);
    expect(first.medianHoursInStage).toBeGreaterThanOrEqual(0);
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
    const summary = await gql(
      '{ pipelineSummary { applications active hired rejected withdrawn overallSuccessRate medianDurationDays } }',
    );
    expect(summary.data!.pipelineSummary).toMatchObject({
      applications: 5,
      active: 2,
      hired: 0,
      rejected: 2,
      withdrawn: 1,
      overallSuccessRate: 0,
    });
    const levels = await gql(
      '{ successRatesByExperienceLevel { experienceLevel applications rejected withdrawn active successRate } }',
    );
    expect(levels.data!.successRatesByExperienceLevel).toEqual([
      { experienceLevel: 'JUNIOR', applications: 1, rejected: 1, withdrawn: 0, active: 0, successRate: 0 },
      { experienceLevel: 'MID', applications: 1, rejected: 0, withdrawn: 0, active: 1, successRate: null },
      { experienceLevel: 'SENIOR', applications: 2, rejected: 1, withdrawn: 1, active: 0, successRate: 0 },
      { experienceLevel: 'STAFF', applications: 1, rejected: 0, withdrawn: 0, active: 1, successRate: null },
    ]);
    const filtered = await gql(`query ($f: AnalyticsFilter) { pipelineSummary(filter: $f) { applications } }`, {
      f: { companyProfiles: ['ENTERPRISE'] },
    });
    expect(filtered.data!.pipelineSummary.applications).toBe(1);
    const future = await gql(`query ($f: AnalyticsFilter) { pipelineSummary(filter: $f) { applications } }`, {
      f: { from: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(future.data!.pipelineSummary.applications).toBe(0);
    const backwards = await gql(`query ($f: AnalyticsFilter) { pipelineSummary(filter: $f) { applications } }`, {
      f: { from: new Date().toISOString(), to: new Date(Date.now() - 1000).toISOString() },
    });
    expect(errorCode(backwards)).toBe('BAD_USER_INPUT');
  });

  it('shows a hiring manager only their positions, and interviewers nothing', async () => {
    const mine = await gql('{ pipelineSummary { applications } }', {}, 'other');
    expect(mine.data!.pipelineSummary.applications).toBe(1);
    expect(
      errorCode(
        await gql(`query ($id: ID!) { stageSuccessRates(positionId: $id) { order } }`, { id: positionId }, 'other'),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await gql('{ pipelineSummary { applications } }', {}, 'ines'))).toBe('FORBIDDEN');
  });

  it('exports a table as CSV', async () => {
    const csv = await gql(`query ($id: ID!) { analyticsCsv(table: STAGE_SUCCESS_RATES, positionId: $id) }`, {
      id: positionId,
    });
    const lines = (csv.data!.analyticsCsv as string).trim().split('\n');
    expect(lines[0]).toBe(
      'stageKind,stageName,order,entered,passed,failed,withdrawn,inProgress,passRate,passRateLow,passRateHigh,medianHoursInStage',
    );
    expect(lines[1]).toMatch(/^HR_SCREEN,HR screen,1,4,1,1,1,0,0.5,/);
  });

  it('breaks stage rates down across positions, times stages and counts rejection reasons', async () => {
    const byLevel = await gql(
      `{ stageRatesBy(by: EXPERIENCE_LEVEL) { stageKind group entered passed failed withdrawn inProgress passRate } }`,
    );
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
    const reasons = await gql(`{ rejectionReasons { stageKind reasonCode rejections share } }`);
    expect(reasons.data!.rejectionReasons).toEqual([
      { stageKind: 'HR_SCREEN', reasonCode: 'SKILLS_GAP', rejections: 1, share: 1 },
      { stageKind: 'TECHNICAL', reasonCode: 'OTHER', rejections: 1, share: 1 },
    ]);
    const timings = await gql(`{ stageTimings { stageKind entered withInterview scorecards averageHoursInStage } }`);
    expect(
      timings.data!.stageTimings.map((row: { stageKind: string; entered: number }) => [row.stageKind, row.entered]),
    ).toEqual([
      ['HR_SCREEN', 5],
      ['TECHNICAL', 2],
    ]);
    expect(timings.data!.stageTimings[0]).toMatchObject({ withInterview: 0, scorecards: 0 });
    expect(timings.data!.stageTimings[0].averageHoursInStage).toBeGreaterThanOrEqual(0);
    const questions = await gql(`{ questionEffectiveness { question { id } ratings separation effectSize } }`);
    expect(questions.data!.questionEffectiveness).toEqual([]);

    // A hiring manager sees only their position's visits; an interviewer nothing.
    const theirs = await gql(`{ stageRatesBy(by: COMPANY_PROFILE) { stageKind group entered } }`, {}, 'other');
    expect(theirs.data!.stageRatesBy).toEqual([{ stageKind: 'HR_SCREEN', group: 'ENTERPRISE', entered: 1 }]);
    expect(errorCode(await gql(`{ rejectionReasons { rejections } }`, {}, 'ines'))).toBe('FORBIDDEN');

    const csv = await gql(`{ analyticsCsv(table: REJECTION_REASONS) }`);
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
