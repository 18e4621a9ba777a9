import { RequestContext } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { median, ratio, Role } from '../../libs/domain';
import { resetDatabase, TestApi } from '../../libs/testing';
import { generateHistory, type SyntheticHistory } from '../../src/cli/synthetic';
import { AnalyticsService, type AnalyticsFilterValues } from '../../src/modules/analytics';
import { bulkLoadHistory, selectApplications } from './synthetic-fixtures';

/**
 * Every analytics figure, computed independently in memory from the same generated rows that were
 * inserted, must equal what the service computes in PostgreSQL.
 */
describe('analytics correctness on a generated history', () => {
  const api = new TestApi();
  let history: SyntheticHistory;
  let service: AnalyticsService;
  const admin = { kind: 'user' as const, userId: null, roles: [Role.ADMIN] };
  const run = <T>(fn: () => Promise<T>) => RequestContext.create(api.orm.em, fn);

  beforeAll(async () => {
    await api.start();
    await resetDatabase(api.orm);
    history = generateHistory({ applications: 3000, seed: 11 });
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await bulkLoadHistory(client, history);
    } finally {
      await client.end();
    }
    service = api.app.get(AnalyticsService);
  }, 120_000);
  afterAll(() => api.close());

  const selected = (filter: AnalyticsFilterValues) => selectApplications(history, filter);

  const filters: Array<[string, AnalyticsFilterValues]> = [
    ['no filter', {}],
    [
      'a window and levels',
      {
        from: new Date('2025-06-01T00:00:00Z'),
        to: new Date('2026-06-01T00:00:00Z'),
        experienceLevels: ['SENIOR', 'STAFF'] as never,
      },
    ],
    ['a company profile', { companyProfiles: ['STARTUP'] as never }],
  ];

  it.each(filters)('pipeline summary and rates by level, %s', async (_name, filter) => {
    const apps = selected(filter);
    const count = (status: string) => apps.filter((application) => application.status === status).length;
    const decided = apps.filter((application) => application.status === 'HIRED' || application.status === 'REJECTED');
    const days = decided.map(
      (application) => (application.decidedAt!.getTime() - application.appliedAt.getTime()) / 86_400_000,
    );
    const summary = await run(() => service.pipelineSummary(admin, filter));
    expect(summary).toEqual({
      applications: apps.length,
      active: count('ACTIVE') + count('ON_HOLD'),
      hired: count('HIRED'),
      rejected: count('REJECTED'),
      withdrawn: count('WITHDRAWN'),
      overallSuccessRate: ratio(count('HIRED'), count('REJECTED')),
      averageDurationDays: days.length ? expect.closeTo(days.reduce((a, b) => a + b, 0) / days.length, 9) : null,
      medianDurationDays: days.length ? expect.closeTo(median(days)!, 9) : null,
      // The generated plans carry no benchmarks, so there is nothing to compare with.
      benchmarkSuccessRate: null,
      successRateVsBenchmark: null,
      benchmarkMinDays: null,
      benchmarkMaxDays: null,
      durationVsBenchmark: null,
    });
    expect(summary.applications).toBeGreaterThan(0);

    const levels = await run(() => service.successRatesByExperienceLevel(admin, filter));
    for (const row of levels) {
      const ofLevel = apps.filter((application) => application.experienceLevel === row.experienceLevel);
      const hired = ofLevel.filter((application) => application.status === 'HIRED').length;
      const rejected = ofLevel.filter((application) => application.status === 'REJECTED').length;
      expect(row).toEqual({
        experienceLevel: row.experienceLevel,
        applications: ofLevel.length,
        hired,
        rejected,
        withdrawn: ofLevel.filter((application) => application.status === 'WITHDRAWN').length,
        active: ofLevel.filter((application) => application.status === 'ACTIVE' || application.status === 'ON_HOLD')
          .length,
        successRate: ratio(hired, rejected),
        benchmarkSuccessRate: null,
        successRateVsBenchmark: null,
      });
    }
  });

  it.each(filters)(
    'stage success rates of every position, %s',
    async (_name, filter) => {
      for (const position of history.positions) {
        const apps = new Set(selected({ ...filter, positionIds: [position.id] }).map((application) => application.id));
        const stages = history.planStages
          .filter((stage) => stage.planId === position.planId)
          .sort((a, b) => a.order - b.order);
        const rows = await run(() => service.stageSuccessRates(admin, position.id, filter));
        expect(rows.map((row) => row.order)).toEqual(stages.map((stage) => stage.order));
        stages.forEach((stage, index) => {
          const visits = history.stageVisits.filter(
            (visit) => visit.stageId === stage.id && apps.has(visit.applicationId),
          );
          const outcome = (value: string) => visits.filter((visit) => visit.outcome === value).length;
          const closed = visits
            .filter((visit) => visit.exitedAt)
            .map((visit) => (visit.exitedAt!.getTime() - visit.enteredAt.getTime()) / 3_600_000);
          const row = rows[index]!;
          expect({
            entered: row.entered,
            passed: row.passed,
            failed: row.failed,
            withdrawn: row.withdrawn,
            inProgress: row.inProgress,
          }).toEqual({
            entered: visits.length,
            passed: outcome('PASSED'),
            failed: outcome('FAILED'),
            withdrawn: outcome('WITHDRAWN'),
            inProgress: visits.filter((visit) => !visit.exitedAt).length,
          });
          expect(row.passRate).toEqual(ratio(outcome('PASSED'), outcome('FAILED')));
          if (closed.length) expect(row.medianHoursInStage).toBeCloseTo(median(closed)!, 6);
          else expect(row.medianHoursInStage).toBeNull();
        });
      }
    },
    60_000,
  );

  it.each(filters)(
    'interviewer calibration, %s',
    async (_name, filter) => {
      const apps = new Set(selected(filter).map((application) => application.id));
      const interviews = new Map(
        history.interviews
          .filter((interview) => apps.has(interview.applicationId))
          .map((interview) => [interview.id, interview]),
      );
      const cards = history.scorecards.filter(
        (card) => card.status === 'SUBMITTED' && card.weightedScore !== null && interviews.has(card.interviewId),
      );
      const visitOutcome = new Map(
        history.stageVisits.map((visit) => [`${visit.applicationId}:${visit.stageId}`, visit.outcome]),
      );
      const byInterview = new Map<string, typeof cards>();
      for (const card of cards) byInterview.set(card.interviewId, [...(byInterview.get(card.interviewId) ?? []), card]);
      const rows = await run(() => service.interviewerCalibration(admin, filter));
      const interviewers = [...new Set(cards.map((card) => card.interviewerId))];
      expect(rows.map((row) => row.interviewer.id).sort()).toEqual(interviewers.sort());
      for (const row of rows) {
        const own = cards.filter((card) => card.interviewerId === row.interviewer.id);
        const deviations = own
          .map((card) => {
            const others = byInterview.get(card.interviewId)!.filter((other) => other.id !== card.id);
            return others.length
              ? card.weightedScore! - others.reduce((sum, other) => sum + other.weightedScore!, 0) / others.length
              : null;
          })
          .filter((value): value is number => value !== null);
        const judged = own
          .map((card) => {
            const interview = interviews.get(card.interviewId)!;
            const outcome = visitOutcome.get(`${interview.applicationId}:${interview.stageId}`);
            if (outcome !== 'PASSED' && outcome !== 'FAILED') return null;
            return (card.recommendation === 'YES' || card.recommendation === 'STRONG_YES') === (outcome === 'PASSED')
              ? 1
              : 0;
          })
          .filter((value): value is 0 | 1 => value !== null);
        expect(row.scorecards).toBe(own.length);
        expect(row.meanScore).toBeCloseTo(own.reduce((sum, card) => sum + card.weightedScore!, 0) / own.length, 9);
        if (deviations.length)
          expect(row.meanDeviationFromPanel).toBeCloseTo(deviations.reduce((a, b) => a + b, 0) / deviations.length, 9);
        else expect(row.meanDeviationFromPanel).toBeNull();
        if (judged.length)
          expect(row.agreementWithOutcome).toBeCloseTo(judged.reduce<number>((a, b) => a + b, 0) / judged.length, 9);
        else expect(row.agreementWithOutcome).toBeNull();
      }
      for (const row of rows) {
        const deviation = row.meanDeviationFromPanel;
        expect(row.flagged).toBe(deviation !== null && row.scorecards >= 10 && Math.abs(deviation) >= 0.5);
      }
    },
    60_000,
  );
});
