import { RequestContext } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { Role, wilsonInterval } from '../../libs/domain';
import { NO_ROLLUP_DIFFERENCES, resetDatabase, rollupDifferencesFromRebuild, TestApi } from '../../libs/testing';
import { generateHistory, insertHistory, type SyntheticHistory } from '../../src/cli/synthetic';
import { weekStart, StageBreakdown, StageInsightsService } from '../../src/modules/analytics';
import type { AnalyticsFilterValues } from '../../src/modules/analytics';
import { bulkLoadHistory, selectApplications } from './synthetic-fixtures';

describe('analytics rollups', () => {
  const api = new TestApi();
  let client: Client;
  let history: SyntheticHistory;
  const admin = { kind: 'user' as const, userId: null, roles: [Role.ADMIN] };

  beforeAll(async () => {
    await api.start();
    await resetDatabase(api.orm);
    client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    // Inserted with triggers on: every rollup row below was written incrementally.
    history = generateHistory({ applications: 400, seed: 5 });
    await insertHistory(client, history, { batchSize: 150 });
  }, 120_000);
  afterAll(async () => {
    await client.end();
    await api.close();
  });

  it('maintained by triggers on inserts, equal to a rebuild from the base tables', async () => {
    const { rows } = await client.query<{ count: string }>('select count(*) from analytics_stage_visit');
    expect(Number(rows[0]!.count)).toBe(history.stageVisits.length);
    expect(await rollupDifferencesFromRebuild(client)).toEqual(NO_ROLLUP_DIFFERENCES);
  });

  it('stay equal to a rebuild through updates and deletes of every kind that moves a figure', async () => {
    await client.query(`
      update scorecard set weighted_score = weighted_score + 0.5
       where id in (select id from scorecard where status = 'SUBMITTED' order by id limit 25);
      update scorecard set recommendation = 'STRONG_NO'
       where id in (select id from scorecard where status = 'SUBMITTED' order by id desc limit 10);
      update scorecard set status = 'DRAFT', submitted_at = null
       where id in (select id from scorecard where status = 'SUBMITTED' order by id limit 5 offset 40);
      update stage_visit set outcome = 'PASSED', exited_at = entered_at + interval '3 days'
       where id in (select id from stage_visit where exited_at is null order by id limit 20);
      update stage_visit set outcome = 'FAILED'
       where id in (select id from stage_visit where outcome = 'PASSED' order by id limit 20);
      update application set status = 'REJECTED', decided_at = applied_at + interval '20 days 3 hours'
       where id in (select id from application where status = 'ACTIVE' order by id limit 30);
      update application set status = 'ACTIVE', decided_at = null
       where id in (select id from application where status = 'HIRED' order by id limit 3);
      update candidate set source = 'meetup' where id in (select id from candidate order by id limit 15);
      update interview set starts_at = starts_at - interval '1 hour', ends_at = ends_at - interval '1 hour'
       where id in (select id from interview order by id limit 15);
      update interview set status = 'CANCELLED' where id in (select id from interview order by id desc limit 15);
      delete from scorecard where interview_id in (select id from interview order by id desc limit 5 offset 50);
    `);
    expect(await rollupDifferencesFromRebuild(client)).toEqual(NO_ROLLUP_DIFFERENCES);
  });

  it('count both panelists when two submit on the same interview at the same time', async () => {
    const { rows } = await client.query<{ interview_id: string; ids: string[] }>(
      `select interview_id, array_agg(id order by id) as ids from scorecard
        group by interview_id having count(*) >= 2 order by interview_id limit 1`,
    );
    const [first, second] = rows[0]!.ids;
    const other = new Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      const submit = `update scorecard set status = 'SUBMITTED', weighted_score = $2, recommendation = 'YES',
                                           submitted_at = now() where id = $1`;
      await client.query('begin');
      await other.query('begin');
      await client.query(submit, [first, 3.25]);
      // The second waits for the first's lock on the interview's figures, then sees its row.
      const pending = other.query(submit, [second, 1.5]).then(() => other.query('commit'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await client.query('commit');
      await pending;
    } finally {
      await other.end();
    }
    const cards = await client.query<{ deviation: string }>(
      `select deviation from analytics_calibration_card where scorecard_id = any($1::uuid[])`,
      [[first, second]],
    );
    expect(cards.rows).toHaveLength(2);
    expect(cards.rows.every((card) => card.deviation !== null)).toBe(true);
    expect(await rollupDifferencesFromRebuild(client)).toEqual(NO_ROLLUP_DIFFERENCES);
  });

  it('let concurrent writers of the same week, level and profile go on without waiting, each on its own stripe, figures exact', async () => {
    // Six new ACTIVE applications alike (position, level, applied week), each in its first stage,
    // written with the triggers on.
    const { rows: template } = await client.query<{ id: string; position_id: string; candidate_id: string }>(
      `select a.id, a.position_id, a.candidate_id from application a join position p on p.id = a.position_id
        where p.status = 'OPEN' order by a.id limit 1`,
    );
    const { rows: made } = await client.query<{ id: string }>(
      `with candidates as (
         insert into candidate
         select (jsonb_populate_record(null::candidate, to_jsonb(c) || jsonb_build_object(
                  'id', gen_random_uuid(), 'email', 'striped-' || k || '@example.com'))).*
           from candidate c, generate_series(1, 6) k where c.id = $1
         returning id)
       insert into application (id, candidate_id, position_id, status, current_stage_id, experience_level, applied_at)
       select gen_random_uuid(), c.id, a.position_id, 'ACTIVE', s.id, a.experience_level, '2025-06-04T10:00:00Z'
         from candidates c, application a
         join position p on p.id = a.position_id
         join plan_stage s on s.plan_id = p.plan_id
        where a.id = $2 and s.order = (select min(o.order) from plan_stage o where o.plan_id = p.plan_id)
       returning id`,
      [template[0]!.candidate_id, template[0]!.id],
    );
    const ids = made.map((row) => row.id);
    expect(ids).toHaveLength(6);
    await client.query(
      `insert into stage_visit (id, application_id, stage_id, entered_at)
       select gen_random_uuid(), id, current_stage_id, applied_at + interval '1 hour' from application where id = any($1::uuid[])`,
      [ids],
    );
    const writers = ids.map(() => new Client({ connectionString: process.env.DATABASE_URL }));
    await Promise.all(writers.map((writer) => writer.connect()));
    try {
      for (const writer of writers) {
        await writer.query('begin');
        // A writer that had to wait for another's rollup row would fail here instead of hanging.
        await writer.query(`set local lock_timeout = '20s'`);
      }
      // Every writer changes the same rollup keys while all the others are still open.
      await Promise.all(
        writers.map(async (writer, index) => {
          await writer.query(
            `update stage_visit set outcome = 'FAILED', reason_code = 'OTHER', exited_at = entered_at + interval '2 days'
              where application_id = $1 and exited_at is null`,
            [ids[index]],
          );
          await writer.query(
            `update application set status = 'REJECTED', decided_at = applied_at + interval '9 days' where id = $1`,
            [ids[index]],
          );
        }),
      );
      await Promise.all(writers.map((writer) => writer.query('commit')));
    } finally {
      await Promise.all(writers.map((writer) => writer.end()));
    }
    // One rollup key, written by six open transactions at once: six stripes, summing to the base rows.
    const { rows: stripes } = await client.query<{ stripes: number; applications: number; counted: number }>(
      `select count(distinct r.stripe)::int as stripes, sum(r.applications)::int as applications,
              (select count(*)::int from application a join position q on q.id = a.position_id
                where q.company_profile = p.company_profile and a.status = 'REJECTED'
                  and a.experience_level = t.experience_level and analytics_week(a.applied_at) = '2025-06-02') as counted
         from application t join position p on p.id = t.position_id
         join analytics_application_rollup r on r.company_profile = p.company_profile
          and r.experience_level = t.experience_level and r.week = '2025-06-02' and r.status = 'REJECTED'
        where t.id = $1
        group by p.company_profile, t.experience_level`,
      [ids[0]],
    );
    expect(stripes[0]!.stripes).toBeGreaterThanOrEqual(6);
    expect(stripes[0]!.applications).toBe(stripes[0]!.counted);
    expect(stripes[0]!.counted).toBeGreaterThanOrEqual(6);
    expect(await rollupDifferencesFromRebuild(client)).toEqual(NO_ROLLUP_DIFFERENCES);

    // Folding the stripes back into stripe 0 changes no figure.
    await client.query('select analytics_fold_stripes()');
    const { rows: left } = await client.query<{ count: string }>(
      `select (select count(*) from analytics_application_rollup where stripe <> 0)
            + (select count(*) from analytics_stage_rollup where stripe <> 0)
            + (select count(*) from analytics_decision_histogram where stripe <> 0) as count`,
    );
    expect(Number(left[0]!.count)).toBe(0);
    expect(await rollupDifferencesFromRebuild(client)).toEqual(NO_ROLLUP_DIFFERENCES);
  });

  describe('stage figures across positions', () => {
    let service: StageInsightsService;
    const run = <T>(fn: () => Promise<T>) => RequestContext.create(api.orm.em, fn);
    let current: { history: SyntheticHistory; sources: Map<string, string> };

    beforeAll(async () => {
      await resetDatabase(api.orm);
      const generated = generateHistory({ applications: 1500, seed: 23 });
      await bulkLoadHistory(client, generated);
      current = {
        history: generated,
        sources: new Map(generated.candidates.map((candidate) => [candidate.id, candidate.source ?? ''])),
      };
      service = api.app.get(StageInsightsService);
    }, 120_000);

    const filters: Array<[string, () => AnalyticsFilterValues]> = [
      ['no filter', () => ({})],
      [
        'a window with partial weeks and levels',
        () => ({
          from: new Date('2025-03-05T13:17:00Z'),
          to: new Date('2026-02-18T08:00:00Z'),
          experienceLevels: ['MID', 'SENIOR'] as never,
        }),
      ],
      [
        'a window inside one week',
        () => ({ from: new Date('2025-09-02T10:00:00Z'), to: new Date('2025-09-05T00:00:00Z') }),
      ],
      ['a company profile', () => ({ companyProfiles: ['ENTERPRISE'] as never })],
      ['two positions', () => ({ positionIds: current.history.positions.slice(0, 2).map((position) => position.id) })],
    ];

    function selectedApplications(filter: AnalyticsFilterValues) {
      const positions = new Map(current.history.positions.map((position) => [position.id, position]));
      return new Map(
        selectApplications(current.history, filter).map((application) => [
          application.id,
          { application, position: positions.get(application.positionId)! },
        ]),
      );
    }

    it.each(filters)('stage rates by every breakdown, %s', async (_name, makeFilter) => {
      const filter = makeFilter();
      const apps = selectedApplications(filter);
      const kinds = new Map(current.history.planStages.map((stage) => [stage.id, stage.kind]));
      const groupOf: Record<StageBreakdown, (id: string) => string> = {
        [StageBreakdown.APPLIED_WEEK]: (id) =>
          weekStart(apps.get(id)!.application.appliedAt).toISOString().slice(0, 10),
        [StageBreakdown.COMPANY_PROFILE]: (id) => apps.get(id)!.position.companyProfile,
        [StageBreakdown.SOURCE]: (id) => current.sources.get(apps.get(id)!.application.candidateId)!,
        [StageBreakdown.EXPERIENCE_LEVEL]: (id) => apps.get(id)!.application.experienceLevel,
      };
      let compared = 0;
      for (const by of Object.values(StageBreakdown)) {
        const expected = new Map<
          string,
          { entered: number; passed: number; failed: number; withdrawn: number; inProgress: number }
        >();
        for (const visit of current.history.stageVisits) {
          if (!apps.has(visit.applicationId)) continue;
          const key = `${kinds.get(visit.stageId)}|${groupOf[by](visit.applicationId)}`;
          const row = expected.get(key) ?? { entered: 0, passed: 0, failed: 0, withdrawn: 0, inProgress: 0 };
          row.entered += 1;
          if (visit.outcome === 'PASSED') row.passed += 1;
          if (visit.outcome === 'FAILED') row.failed += 1;
          if (visit.outcome === 'WITHDRAWN') row.withdrawn += 1;
          if (!visit.exitedAt) row.inProgress += 1;
          expected.set(key, row);
        }
        const rows = await run(() => service.stageRatesBy(admin, by, filter));
        expect(rows.map((row) => `${row.stageKind}|${row.group}`).sort()).toEqual([...expected.keys()].sort());
        for (const row of rows) {
          const want = expected.get(`${row.stageKind}|${row.group}`)!;
          const interval = wilsonInterval(want.passed, want.passed + want.failed);
          expect(row).toEqual({
            stageKind: row.stageKind,
            group: row.group,
            ...want,
            passRate: interval.rate,
            passRateLow: interval.low,
            passRateHigh: interval.high,
          });
          compared += 1;
        }
      }
      if (apps.size) expect(compared).toBeGreaterThan(0);
    });

    it.each(filters)('rejection reasons, %s', async (_name, makeFilter) => {
      const filter = makeFilter();
      const apps = selectedApplications(filter);
      const kinds = new Map(current.history.planStages.map((stage) => [stage.id, stage.kind]));
      const expected = new Map<string, number>();
      for (const visit of current.history.stageVisits) {
        if (!apps.has(visit.applicationId) || visit.outcome !== 'FAILED') continue;
        const key = `${kinds.get(visit.stageId)}|${visit.reasonCode ?? 'OTHER'}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      const rows = await run(() => service.rejectionReasons(admin, filter));
      expect(Object.fromEntries(rows.map((row) => [`${row.stageKind}|${row.reasonCode}`, row.rejections]))).toEqual(
        Object.fromEntries(expected),
      );
      for (const row of rows) {
        const ofKind = rows.filter((other) => other.stageKind === row.stageKind);
        expect(row.share).toBeCloseTo(row.rejections / ofKind.reduce((sum, other) => sum + other.rejections, 0), 12);
      }
      if (apps.size > 100) expect(new Set(rows.map((row) => row.reasonCode)).size).toBeGreaterThan(2);
    });

    it.each(filters)('question effectiveness, %s', async (_name, makeFilter) => {
      const filter = makeFilter();
      const apps = selectedApplications(filter);
      const interviews = new Map(current.history.interviews.map((interview) => [interview.id, interview]));
      // The outcome of the application's latest visit of the interview's stage.
      const latest = new Map<string, (typeof current.history.stageVisits)[number]>();
      for (const visit of current.history.stageVisits) {
        const key = `${visit.applicationId}|${visit.stageId}`;
        const seen = latest.get(key);
        if (!seen || visit.enteredAt > seen.enteredAt || (+visit.enteredAt === +seen.enteredAt && visit.id > seen.id))
          latest.set(key, visit);
      }
      const scores = new Map<string, { all: number; PASSED: number[]; FAILED: number[] }>();
      for (const card of current.history.scorecards) {
        const interview = interviews.get(card.interviewId)!;
        if (card.status !== 'SUBMITTED' || !apps.has(interview.applicationId)) continue;
        const outcome = latest.get(`${interview.applicationId}|${interview.stageId}`)?.outcome;
        for (const rating of card.questionRatings) {
          const entry = scores.get(rating.questionId) ?? { all: 0, PASSED: [], FAILED: [] };
          entry.all += 1;
          if (outcome === 'PASSED' || outcome === 'FAILED') entry[outcome].push(rating.score);
          scores.set(rating.questionId, entry);
        }
      }
      const rows = await run(() => service.questionEffectiveness(admin, filter));
      expect(rows.map((row) => row.question.id).sort()).toEqual([...scores.keys()].sort());
      const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
      const squares = (values: number[]) => {
        const m = mean(values) ?? 0;
        return values.reduce((sum, value) => sum + (value - m) ** 2, 0);
      };
      for (const row of rows) {
        const entry = scores.get(row.question.id)!;
        expect([row.ratings, row.passedRatings, row.failedRatings]).toEqual([
          entry.all,
          entry.PASSED.length,
          entry.FAILED.length,
        ]);
        const passed = mean(entry.PASSED);
        const failed = mean(entry.FAILED);
        const close = (actual: number | null, expected: number | null) =>
          expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(expected, 9);
        close(row.meanScorePassed, passed);
        close(row.meanScoreFailed, failed);
        close(row.separation, passed !== null && failed !== null ? passed - failed : null);
        const degrees = entry.PASSED.length + entry.FAILED.length - 2;
        const pooled = degrees > 0 ? Math.sqrt((squares(entry.PASSED) + squares(entry.FAILED)) / degrees) : 0;
        close(
          row.effectSize,
          entry.PASSED.length >= 2 && entry.FAILED.length >= 2 && pooled > 0 ? (passed! - failed!) / pooled : null,
        );
      }
      // Best separating first.
      const sizes = rows.map((row) => row.effectSize).filter((size): size is number => size !== null);
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      if (apps.size > 500) expect(sizes.length).toBeGreaterThan(3);
    });

    it('answers the extra figures over GraphQL, with a question and its skills', async () => {
      const { token } = await api.signedIn('analyst@example.com', [Role.RECRUITER]);
      const result = await api.gql(
        `{ questionEffectiveness { question { id prompt skills { id } } ratings effectSize }
           stageTimings { stageKind scorecards }
           rejectionReasons { stageKind reasonCode rejections }
           stageRatesBy(by: SOURCE) { stageKind group entered } }`,
        {},
        token,
      );
      expect(result.errors).toBeUndefined();
      const direct = await run(() => service.questionEffectiveness(admin, {}));
      expect(result.data!.questionEffectiveness.map((row: { question: { id: string } }) => row.question.id)).toEqual(
        direct.map((row) => row.question.id),
      );
      expect(result.data!.questionEffectiveness.length).toBeGreaterThan(3);
      expect(result.data!.stageTimings.length).toBeGreaterThan(0);
      expect(result.data!.rejectionReasons.length).toBeGreaterThan(0);
      expect(result.data!.stageRatesBy.length).toBeGreaterThan(0);
    });

    it.each(filters)('stage timings, %s', async (_name, makeFilter) => {
      const filter = makeFilter();
      const apps = selectedApplications(filter);
      const kinds = new Map(current.history.planStages.map((stage) => [stage.id, stage.kind]));
      const interviews = new Map(current.history.interviews.map((interview) => [interview.id, interview]));
      const firstInterview = new Map<string, number>();
      for (const interview of current.history.interviews) {
        if (interview.status === 'CANCELLED') continue;
        const key = `${interview.applicationId}|${interview.stageId}`;
        const at = interview.startsAt.getTime();
        if (!firstInterview.has(key) || at < firstInterview.get(key)!) firstInterview.set(key, at);
      }
      const rows = await run(() => service.stageTimings(admin, filter));
      const hours = (ms: number) => ms / 3_600_000;
      const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
      const kindsSeen = new Set<string>();
      for (const visit of current.history.stageVisits)
        if (apps.has(visit.applicationId)) kindsSeen.add(kinds.get(visit.stageId)!);
      expect(rows.map((row) => row.stageKind).sort()).toEqual([...kindsSeen].sort());
      for (const row of rows) {
        const visits = current.history.stageVisits.filter(
          (visit) => apps.has(visit.applicationId) && kinds.get(visit.stageId) === row.stageKind,
        );
        const scheduled = visits
          .map((visit) => [visit, firstInterview.get(`${visit.applicationId}|${visit.stageId}`)] as const)
          .filter(([, first]) => first !== undefined)
          .map(([visit, first]) => hours(first! - visit.enteredAt.getTime()));
        const cards = current.history.scorecards.filter((card) => {
          const interview = interviews.get(card.interviewId)!;
          return (
            card.status === 'SUBMITTED' &&
            card.weightedScore !== null &&
            apps.has(interview.applicationId) &&
            kinds.get(interview.stageId) === row.stageKind
          );
        });
        // Never negative: a card submitted before the interview's planned end counts 0.
        const turnaround = cards.map((card) =>
          hours(Math.max(0, card.submittedAt!.getTime() - interviews.get(card.interviewId)!.endsAt.getTime())),
        );
        const closed = visits
          .filter((visit) => visit.exitedAt)
          .map((visit) => hours(visit.exitedAt!.getTime() - visit.enteredAt.getTime()));
        expect(row.entered).toBe(visits.length);
        expect(row.withInterview).toBe(scheduled.length);
        expect(row.scorecards).toBe(cards.length);
        const close = (actual: number | null, expected: number | null) =>
          expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(expected, 6);
        close(row.averageHoursInStage, mean(closed));
        close(row.averageHoursToFirstInterview, mean(scheduled));
        close(row.averageTurnaroundHours, mean(turnaround));
        close(
          row.onTimeShare,
          cards.length ? cards.filter((card) => card.submittedAt! <= card.dueAt).length / cards.length : null,
        );
      }
    });
  });
});
