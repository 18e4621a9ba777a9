// Analytics benchmark: run on demand, never in `npm test`.
//   DATABASE_URL=postgres://…/ip_bench npm run seed:synthetic -- --applications 1000000 --seed 1
//   DATABASE_URL=postgres://…/ip_bench npm run bench:analytics -- [--runs 30] [--base-runs 5] [--only <name prefix>]
// Times every analytics query through GraphQL over HTTP (one position and all positions, with and
// without filters) and, for comparison, hand-written SQL computing the same numbers from the base
// tables alone (no rollups), and prints p50/p95 and the speed-up as Markdown.
import 'reflect-metadata';
import { hostname, cpus, totalmem } from 'node:os';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { loadConfig } from '../src/config/app-config';
import { createApiApp } from '../src/api-app';
import { signedInAdmin } from './bench-client';

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : NaN;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};
const runs = option('--runs', 30);
const baseRuns = option('--base-runs', 5);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(count: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let run = 0; run < count; run += 1) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

async function main(): Promise<void> {
  const config = { ...loadConfig(), logLevel: 'silent' as const };
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const orm = app.get(MikroORM);
  const em = orm.em.fork();
  const { asAdmin } = await signedInAdmin(app, 'bench-admin@example.com');
  const [{ id: positionId }] = await em
    .getConnection()
    .execute<{ id: string }[]>(
      `select p.id from position p join application a on a.position_id = p.id group by p.id order by count(*) desc limit 1`,
    );
  const counts = await em
    .getConnection()
    .execute(
      `select (select count(*) from application) as applications, (select count(*) from stage_visit) as visits, (select count(*) from scorecard) as scorecards`,
    );
  // Not week-aligned on purpose: the window has partial weeks at both ends.
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString();
  const filtered = { from: yearAgo, experienceLevels: ['SENIOR', 'STAFF'], companyProfiles: ['STARTUP', 'ENTERPRISE'] };
  const [{ plan_id: planId }] = await em
    .getConnection()
    .execute<{ plan_id: string }[]>(`select plan_id from position where id = ?`, [positionId]);
  const pg = new Client({ connectionString: config.database.url });
  await pg.connect();

  type Variant = { name: string; filter: Record<string, unknown> };
  const variants: Variant[] = [
    { name: 'all positions', filter: {} },
    { name: 'all positions, filtered', filter: filtered },
    { name: 'one position', filter: { positionIds: [positionId] } },
    { name: 'one position, filtered', filter: { ...filtered, positionIds: [positionId] } },
  ];
  const cases: Array<{ name: string; query: string; variables: object; base: (f: Record<string, unknown>) => Sql }> =
    [];
  for (const variant of variants.slice(2)) {
    cases.push({
      name: `stageSuccessRates, ${variant.name}`,
      query: `query ($id: ID!, $f: AnalyticsFilter) { stageSuccessRates(positionId: $id, filter: $f) { order passRate medianHoursInStage } }`,
      variables: { id: positionId, f: variant.filter },
      base: (f) => BASE.stageSuccessRates(f, planId),
    });
  }
  const overPositions: Array<[string, string, (f: Record<string, unknown>) => Sql]> = [
    [
      'successRatesByExperienceLevel',
      `successRatesByExperienceLevel(filter: $f) { experienceLevel successRate }`,
      BASE.byLevel,
    ],
    [
      'pipelineSummary',
      `pipelineSummary(filter: $f) { applications averageDurationDays medianDurationDays }`,
      BASE.summary,
    ],
    [
      'interviewerCalibration',
      `interviewerCalibration(filter: $f) { scorecards meanDeviationFromPanel agreementWithOutcome }`,
      BASE.calibration,
    ],
    ['stageRatesBy(SOURCE)', `stageRatesBy(by: SOURCE, filter: $f) { stageKind group passRate }`, BASE.ratesBySource],
    [
      'stageRatesBy(APPLIED_WEEK)',
      `stageRatesBy(by: APPLIED_WEEK, filter: $f) { stageKind group passRate }`,
      BASE.ratesByWeek,
    ],
    [
      'stageTimings',
      `stageTimings(filter: $f) { stageKind averageHoursToFirstInterview averageTurnaroundHours onTimeShare }`,
      BASE.timings,
    ],
    ['rejectionReasons', `rejectionReasons(filter: $f) { stageKind reasonCode rejections share }`, BASE.rejections],
    [
      'questionEffectiveness',
      `questionEffectiveness(filter: $f) { question { id } ratings separation effectSize }`,
      BASE.questions,
    ],
  ];
  for (const [name, selection, base] of overPositions) {
    for (const variant of variants) {
      cases.push({
        name: `${name}, ${variant.name}`,
        query: `query ($f: AnalyticsFilter) { ${selection} }`,
        variables: { f: variant.filter },
        base,
      });
    }
  }

  // Rows are printed as they are measured, so a failing case keeps what came before it.
  const print = (line: string) => process.stdout.write(`${line}\n`);
  [
    `Machine: ${hostname()}, ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString()}`,
    `Data: ${JSON.stringify(counts[0])}; ${runs} timed GraphQL runs and ${baseRuns} base-table SQL runs per case, each after one warm-up.`,
    '',
    '| query | GraphQL p50 ms | GraphQL p95 ms | base-table SQL p50 ms | base-table SQL p95 ms | speed-up (p95) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ].forEach(print);
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  for (const { name, query, variables, base } of cases.filter((entry) => !only || entry.name.startsWith(only))) {
    const viaApi = await time(runs, () => asAdmin(query, variables));
    const sql = base((variables as { f: Record<string, unknown> }).f);
    // --base-runs 0 leaves the base-table SQL out (it takes seconds a run at 1M applications).
    const direct = baseRuns > 0 ? await time(baseRuns, () => pg.query(sql.text, sql.values)) : [];
    const p95 = percentile(viaApi, 95);
    const baseP95 = direct.length ? percentile(direct, 95) : NaN;
    const cell = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(1));
    print(
      `| ${name} | ${percentile(viaApi, 50).toFixed(1)} | ${p95.toFixed(1)} | ${direct.length ? cell(percentile(direct, 50)) : '-'} | ${cell(baseP95)} | ${direct.length ? `${(baseP95 / p95).toFixed(1)}x` : '-'} |`,
    );
    process.stderr.write(`${name}: GraphQL p95 ${p95.toFixed(1)} ms, base SQL p95 ${cell(baseP95)} ms\n`);
  }
  await pg.end();
  await app.close();
}

interface Sql {
  text: string;
  values: unknown[];
}

/**
 * `apps`: the filtered applications with their position's profile, for the base-table SQL. This is
 * what the service did before rollups: one aggregate statement per figure over the base tables.
 */
function apps(f: Record<string, unknown>): Sql {
  const values: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    values.push(value);
    where.push(sql.replace('$', `$${values.length}`));
  };
  if (f.positionIds) add('a.position_id = any($::uuid[])', f.positionIds);
  if (f.from) add('a.applied_at >= $::timestamptz', f.from);
  if (f.to) add('a.applied_at < $::timestamptz', f.to);
  if (f.experienceLevels) add('a.experience_level::text = any($::text[])', f.experienceLevels);
  if (f.companyProfiles) add('p.company_profile::text = any($::text[])', f.companyProfiles);
  return {
    text: `with apps as materialized (
             select a.id, a.candidate_id, a.status, a.experience_level, a.applied_at, a.decided_at, p.company_profile
               from application a join position p on p.id = a.position_id
              where ${where.length ? where.join(' and ') : 'true'})`,
    values,
  };
}

const BASE = {
  stageSuccessRates(f: Record<string, unknown>, planId: string): Sql {
    const cte = apps(f);
    return {
      text: `${cte.text}
        select s.kind, s.name, s."order", count(v.id) as entered,
               count(*) filter (where v.outcome = 'PASSED') as passed, count(*) filter (where v.outcome = 'FAILED') as failed,
               count(*) filter (where v.outcome = 'WITHDRAWN') as withdrawn,
               count(*) filter (where v.id is not null and v.exited_at is null) as in_progress,
               percentile_cont(0.5) within group (order by extract(epoch from v.exited_at - v.entered_at))
                 filter (where v.exited_at is not null) as median_seconds
          from plan_stage s left join (stage_visit v join apps on apps.id = v.application_id) on v.stage_id = s.id
         where s.plan_id = $${cte.values.length + 1}
         group by s.id order by s."order"`,
      values: [...cte.values, planId],
    };
  },
  byLevel(f: Record<string, unknown>): Sql {
    const cte = apps(f);
    return {
      text: `${cte.text}
        select experience_level, count(*) as applications, count(*) filter (where status = 'HIRED') as hired,
               count(*) filter (where status = 'REJECTED') as rejected, count(*) filter (where status = 'WITHDRAWN') as withdrawn,
               count(*) filter (where status in ('ACTIVE', 'ON_HOLD')) as active
          from apps group by experience_level`,
      values: cte.values,
    };
  },
  summary(f: Record<string, unknown>): Sql {
    const cte = apps(f);
    return {
      text: `${cte.text}
        select count(*) as applications, count(*) filter (where status in ('ACTIVE', 'ON_HOLD')) as active,
               count(*) filter (where status = 'HIRED') as hired, count(*) filter (where status = 'REJECTED') as rejected,
               count(*) filter (where status = 'WITHDRAWN') as withdrawn,
               avg(extract(epoch from decided_at - applied_at)) filter (where status in ('HIRED', 'REJECTED')) as average_seconds,
               percentile_cont(0.5) within group (order by extract(epoch from decided_at - applied_at))
                 filter (where status in ('HIRED', 'REJECTED')) as median_seconds
          from apps`,
      values: cte.values,
    };
  },
  calibration(f: Record<string, unknown>): Sql {
    const cte = apps(f);
    return {
      text: `${cte.text},
        cards as (
          select sc.interviewer_id, sc.interview_id, sc.weighted_score, sc.recommendation,
                 (select v.outcome from stage_visit v where v.application_id = i.application_id and v.stage_id = i.stage_id
                   order by v.entered_at desc limit 1) as outcome
            from apps join interview i on i.application_id = apps.id join scorecard sc on sc.interview_id = i.id
           where sc.status = 'SUBMITTED' and sc.weighted_score is not null),
        panels as (select interview_id, sum(weighted_score) as total, count(*) as size from cards group by interview_id)
        select c.interviewer_id, count(*) as scorecards, avg(c.weighted_score) as mean_score,
               avg(c.weighted_score - (p.total - c.weighted_score) / (p.size - 1)) filter (where p.size > 1) as mean_deviation,
               avg(case when (c.recommendation in ('YES', 'STRONG_YES')) = (c.outcome = 'PASSED') then 1.0 else 0.0 end)
                 filter (where c.outcome in ('PASSED', 'FAILED')) as agreement
          from cards c join panels p on p.interview_id = c.interview_id
         group by c.interviewer_id`,
      values: cte.values,
    };
  },
  ratesBySource(f: Record<string, unknown>): Sql {
    return stageRates(f, `coalesce(c.source, '')`);
  },
  ratesByWeek(f: Record<string, unknown>): Sql {
    return stageRates(f, `to_char(date_trunc('week', apps.applied_at at time zone 'UTC'), 'YYYY-MM-DD')`);
  },
  rejections(f: Record<string, unknown>): Sql {
    const cte = apps(f);
    return {
      text: `${cte.text}
        select s.kind, coalesce(v.reason_code::text, 'OTHER') as reason, count(*) as rejections
          from stage_visit v join apps on apps.id = v.application_id join plan_stage s on s.id = v.stage_id
         where v.outcome = 'FAILED'
         group by 1, 2`,
      values: cte.values,
    };
  },
  questions(f: Record<string, unknown>): Sql {
    const cte = apps(f);
    return {
      text: `${cte.text},
        ratings as (
          select (r.rating ->> 'questionId')::uuid as question_id, (r.rating ->> 'score')::numeric as score,
                 (select v.outcome from stage_visit v where v.application_id = i.application_id and v.stage_id = i.stage_id
                   order by v.entered_at desc limit 1) as outcome
            from apps join interview i on i.application_id = apps.id join scorecard sc on sc.interview_id = i.id
           cross join lateral jsonb_array_elements(sc.question_ratings) as r(rating)
           where sc.status = 'SUBMITTED')
        select question_id, count(*) as ratings,
               avg(score) filter (where outcome = 'PASSED') as passed, avg(score) filter (where outcome = 'FAILED') as failed,
               stddev_samp(score) filter (where outcome = 'PASSED') as passed_sd, stddev_samp(score) filter (where outcome = 'FAILED') as failed_sd
          from ratings group by question_id`,
      values: cte.values,
    };
  },
  timings(f: Record<string, unknown>): Sql {
    const cte = apps(f);
    return {
      text: `${cte.text},
        visits as (
          select s.kind, count(*) as entered,
                 avg(extract(epoch from v.exited_at - v.entered_at)) filter (where v.exited_at is not null) as in_stage,
                 count(fi.first_at) as with_interview, avg(extract(epoch from fi.first_at - v.entered_at)) as to_first
            from stage_visit v join apps on apps.id = v.application_id join plan_stage s on s.id = v.stage_id
            left join lateral (select min(i.starts_at) as first_at from interview i
                                where i.application_id = v.application_id and i.stage_id = v.stage_id
                                  and i.status <> 'CANCELLED') fi on true
           group by s.kind),
        cards as (
          select s.kind, count(*) as scorecards, avg(extract(epoch from sc.submitted_at - i.ends_at)) as turnaround,
                 avg((sc.submitted_at <= sc.due_at)::int) as on_time
            from scorecard sc join interview i on i.id = sc.interview_id join apps on apps.id = i.application_id
            join plan_stage s on s.id = i.stage_id
           where sc.status = 'SUBMITTED' and sc.weighted_score is not null
           group by s.kind)
        select * from visits full join cards using (kind)`,
      values: cte.values,
    };
  },
};

function stageRates(f: Record<string, unknown>, group: string): Sql {
  const cte = apps(f);
  return {
    text: `${cte.text}
      select s.kind, ${group} as grp, count(*) as entered,
             count(*) filter (where v.outcome = 'PASSED') as passed, count(*) filter (where v.outcome = 'FAILED') as failed,
             count(*) filter (where v.outcome = 'WITHDRAWN') as withdrawn, count(*) filter (where v.exited_at is null) as in_progress
        from stage_visit v join apps on apps.id = v.application_id join plan_stage s on s.id = v.stage_id
        join candidate c on c.id = apps.candidate_id
       group by 1, 2`,
    values: cte.values,
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
