// Concurrent writers benchmark (issue 14, "Writes"): run on demand, never in `npm test`.
//   npm run bench:writers -- [--duration 12] [--writers 16] [--per-writer 250] [--pool 16]
//     [--database-url postgres://…/ip_bench_writers]
// Recreates a dedicated database (drop + create + migrate), fills it with a tiny synthetic history,
// starts the real service in this process and, for each phase, makes fresh fixtures: per writer,
// `--per-writer` ACTIVE applications of one position, all applied in the same week, each with an
// open stage visit and a finished interview of that stage whose only panelist (the writer's own
// interviewer) has a complete DRAFT scorecard. Each writer then, for `--duration` seconds, takes its
// next application and sends the real mutations over HTTP GraphQL: `submitScorecard` (as the
// interviewer) and `advanceApplication` (as an admin). Phase 1 runs with the analytics triggers on;
// it is followed by a check that every rollup equals a rebuild from the base tables. Phase 2 runs
// the same work with exactly the analytics triggers disabled (ALTER TABLE … DISABLE TRIGGER), which
// are enabled again afterwards (and the rollups rebuilt). While each phase runs, pg_stat_activity is
// sampled for what the service's backends wait on. Progress goes to stderr, the Markdown summary
// to stdout.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { cpus, hostname, loadavg, totalmem } from 'node:os';
import { Client } from 'pg';
import { Role } from '../libs/domain';
import { NO_ROLLUP_DIFFERENCES, rollupDifferencesFromRebuild } from '../libs/testing/database';
import { loadConfig, type AppConfig } from '../src/config/app-config';
import { main as seedSynthetic } from '../src/cli/seed-synthetic';
import { createApiApp } from '../src/api-app';
import { recreateBenchDatabase, signedInAdmin, signedInAs, type Post } from './bench-client';

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) || fallback : fallback;
};
const textOption = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};

const DURATION_S = option('--duration', 12);
const WRITERS = option('--writers', 16);
const PER_WRITER = option('--per-writer', 250);
const POOL = option('--pool', WRITERS);
/** Rounds of both phases, in alternating order (enabled first in even rounds), summed per phase. */
const ROUNDS = option('--rounds', 2);
const DATABASE_URL = textOption('--database-url', 'postgres://postgres@127.0.0.1:5432/ip_bench_writers');
const SAMPLE_MS = 50;

const log = (line: string) => process.stderr.write(`[${new Date().toISOString()}] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SUBMIT = `mutation ($input: SubmitScorecardInput!) { submitScorecard(input: $input) { scorecard { id status } } }`;
const ADVANCE = `mutation ($input: AdvanceApplicationInput!) { advanceApplication(input: $input) { application { id version } } }`;

interface Template {
  scorecardId: string;
  applicationId: string;
  candidateId: string;
  positionId: string;
  stageId: string;
}

interface Writer {
  email: string;
  userId: string;
  token: () => Promise<string>;
}

interface Fixture {
  applicationId: string;
  scorecardId: string;
}

/** The analytics triggers: what phase 2 disables, by table. */
async function analyticsTriggers(pg: Client): Promise<Array<{ table: string; trigger: string }>> {
  const { rows } = await pg.query<{ table: string; trigger: string }>(
    `select c.relname as table, t.tgname as trigger from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where not t.tgisinternal and t.tgname like 'analytics\\_%' order by 1, 2`,
  );
  return rows;
}

async function setTriggers(pg: Client, enabled: boolean): Promise<void> {
  for (const { table, trigger } of await analyticsTriggers(pg)) {
    await pg.query(
      `alter table ${pg.escapeIdentifier(table)} ${enabled ? 'enable' : 'disable'} trigger ${pg.escapeIdentifier(trigger)}`,
    );
  }
}

/** A submitted scorecard of a stage that is not its plan's last, on an OPEN position: what fixtures copy. */
async function findTemplate(pg: Client): Promise<Template> {
  const { rows } = await pg.query<Template>(
    `select sc.id as "scorecardId", a.id as "applicationId", a.candidate_id as "candidateId",
            a.position_id as "positionId", i.stage_id as "stageId"
       from scorecard sc join interview i on i.id = sc.interview_id join application a on a.id = i.application_id
       join position p on p.id = a.position_id join plan_stage s on s.id = i.stage_id
       join candidate c on c.id = a.candidate_id
      where sc.status = 'SUBMITTED' and sc.recommendation is not null and p.status = 'OPEN' and c.erased_at is null
        and s.order < (select max(o.order) from plan_stage o where o.plan_id = s.plan_id)
        and not exists (select 1 from plan_stage o where o.plan_id = s.plan_id and o.order = s.order + 1
                          and o.required_from_level is not null)
      order by s.order, sc.id limit 1`,
  );
  if (!rows[0]) throw new Error('the synthetic history has no submitted scorecard to copy');
  return rows[0];
}

/**
 * Fresh fixtures for one phase, written in bulk with triggers off for the session and then folded
 * into the rollups by analytics_rebuild(): per writer, PER_WRITER applications in the same week.
 */
async function makeFixtures(pg: Client, tag: string, template: Template, writers: Writer[]): Promise<Fixture[][]> {
  const table = `bench_fixture_${tag}`;
  // Every application of the run is made on Thursday of the week before last: one week of the rollups.
  await pg.query(
    `create table ${table} as
     select w, k, gen_random_uuid() as candidate_id, gen_random_uuid() as application_id,
            gen_random_uuid() as visit_id, gen_random_uuid() as interview_id, gen_random_uuid() as scorecard_id,
            ($4::uuid[])[w + 1] as interviewer_id,
            date_trunc('week', now() at time zone 'UTC') at time zone 'UTC' - interval '11 days'
              + make_interval(secs => w * $3 + k) as applied_at
       from generate_series(0, $1::int - 1) w, generate_series(0, $2::int - 1) k`,
    [writers.length, PER_WRITER, PER_WRITER, writers.map((writer) => writer.userId)],
  );
  await pg.query('begin');
  await pg.query('set local session_replication_role = replica');
  await pg.query(
    `insert into candidate
     select (jsonb_populate_record(null::candidate, to_jsonb(c) || jsonb_build_object(
       'id', f.candidate_id, 'email', 'writer-' || $2 || '-' || f.w || '-' || f.k || '@writers.bench',
       'name', 'Bench Writer Candidate ' || f.w || '.' || f.k, 'version', 1))).*
       from candidate c, ${table} f where c.id = $1`,
    [template.candidateId, tag],
  );
  await pg.query(
    `insert into application
     select (jsonb_populate_record(null::application, to_jsonb(a) || jsonb_build_object(
       'id', f.application_id, 'candidate_id', f.candidate_id, 'status', 'ACTIVE', 'current_stage_id', $2::uuid,
       'applied_at', f.applied_at, 'decided_at', null, 'version', 1, 'created_at', now(), 'updated_at', now()))).*
       from application a, ${table} f where a.id = $1`,
    [template.applicationId, template.stageId],
  );
  await pg.query(
    `insert into stage_visit (id, application_id, stage_id, entered_at)
     select visit_id, application_id, $1, applied_at + interval '1 hour' from ${table}`,
    [template.stageId],
  );
  await pg.query(
    `insert into interview (id, application_id, candidate_id, stage_id, starts_at, ends_at, status)
     select interview_id, application_id, candidate_id, $1, applied_at + interval '2 days',
            applied_at + interval '2 days 1 hour', 'COMPLETED' from ${table}`,
    [template.stageId],
  );
  await pg.query(
    `insert into interview_panelist (id, interview_id, interviewer_id, starts_at, ends_at, blocks_calendar)
     select gen_random_uuid(), f.interview_id, f.interviewer_id, i.starts_at, i.ends_at, false
       from ${table} f join interview i on i.id = f.interview_id`,
  );
  await pg.query(
    `insert into scorecard
     select (jsonb_populate_record(null::scorecard, to_jsonb(sc) || jsonb_build_object(
       'id', f.scorecard_id, 'interview_id', f.interview_id, 'interviewer_id', f.interviewer_id,
       'status', 'DRAFT', 'submitted_at', null, 'weighted_score', null, 'version', 1,
       'due_at', f.applied_at + interval '4 days', 'created_at', now(), 'updated_at', now()))).*
       from scorecard sc, ${table} f where sc.id = $1`,
    [template.scorecardId],
  );
  await pg.query('commit');
  await pg.query('select analytics_rebuild()');
  await pg.query('vacuum analyze');
  const { rows } = await pg.query<{ w: number; application_id: string; scorecard_id: string }>(
    `select w, application_id, scorecard_id from ${table} order by w, k`,
  );
  return writers.map((_, w) =>
    rows
      .filter((row) => row.w === w)
      .map((row) => ({ applicationId: row.application_id, scorecardId: row.scorecard_id })),
  );
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface PhaseResult {
  name: string;
  ok: number;
  errors: number;
  firstErrors: string[];
  elapsedMs: number;
  perSecond: number;
  all: number[];
  submit: number[];
  advance: number[];
  exhausted: number;
  waits: Map<string, number>;
  samples: number;
  activeSamples: number;
  load: number[];
  /** CPU time of the service's process and of its PostgreSQL backends during the phase, ms. */
  serviceCpuMs: number;
  databaseCpuMs: number;
  rounds: number[];
}

/** The service's PostgreSQL backends (every client backend of the database but the bench's own). */
async function serviceBackends(pg: Client, database: string): Promise<number[]> {
  const { rows } = await pg.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = $1 and backend_type = 'client backend'
        and application_name not like 'bench-writers%'`,
    [database],
  );
  return rows.map((row) => row.pid);
}

/** user + system CPU of a local process in ms, from /proc (0 when it is gone). */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s
  } catch {
    return 0;
  }
}

/** What the service's backends wait on while the writers run: one sample every SAMPLE_MS. */
function sampleWaits(databaseUrl: string, database: string) {
  const waits = new Map<string, number>();
  /** The same with the waiting statement and the statement of the backend it waits for (stderr). */
  const details = new Map<string, number>();
  let samples = 0;
  let active = 0;
  let running = true;
  const sampler = new Client({ connectionString: databaseUrl, application_name: 'bench-writers-sampler' });
  const done = (async () => {
    await sampler.connect();
    while (running) {
      const { rows } = await sampler.query<{
        wait: string;
        relation: string | null;
        n: number;
        query: string;
        blocker: string | null;
      }>(
        `select coalesce(a.wait_event_type || ':' || a.wait_event, 'on CPU') as wait,
                (select string_agg(distinct c.relname, ',') from pg_locks l join pg_class c on c.oid = l.relation
                  where l.pid = a.pid and not l.granted) as relation,
                count(*)::int as n,
                left(regexp_replace(a.query, '[[:space:]]+', ' ', 'g'), 90) as query,
                (select left(regexp_replace(b.query, '[[:space:]]+', ' ', 'g'), 90) from pg_stat_activity b
                  where b.pid = (pg_blocking_pids(a.pid))[1]) as blocker
           from pg_stat_activity a
          where a.datname = $1 and a.backend_type = 'client backend' and a.state = 'active'
            and a.pid <> pg_backend_pid()
          group by 1, 2, 4, 5`,
        [database],
      );
      samples += 1;
      for (const row of rows) {
        const key = row.relation ? `${row.wait} (${row.relation})` : row.wait;
        waits.set(key, (waits.get(key) ?? 0) + row.n);
        active += row.n;
        const detail = `${key} | ${row.query} | blocked by: ${row.blocker ?? '-'}`;
        details.set(detail, (details.get(detail) ?? 0) + row.n);
      }
      await sleep(SAMPLE_MS);
    }
    await sampler.end();
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      [...details.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .forEach(([detail, count]) => log(`  waits ${count}: ${detail}`));
      return { waits, samples, active };
    },
  };
}

async function runPhase(
  pg: Client,
  name: string,
  seconds: number,
  post: Post,
  adminToken: () => Promise<string>,
  writers: Writer[],
  fixtures: Fixture[][],
  database: string,
): Promise<PhaseResult> {
  const submit: number[] = [];
  const advance: number[] = [];
  const firstErrors: string[] = [];
  let errors = 0;
  let exhausted = 0;
  const send = async (into: number[], query: string, variables: object, token: string) => {
    const started = performance.now();
    try {
      await post(query, variables, token);
      into.push(performance.now() - started);
    } catch (error) {
      errors += 1;
      if (firstErrors.length < 3) firstErrors.push(String((error as Error).message).slice(0, 300));
    }
  };
  const backendsBefore = new Map((await serviceBackends(pg, database)).map((pid) => [pid, processCpuMs(pid)]));
  const serviceCpuBefore = process.cpuUsage();
  const sampler = sampleWaits(DATABASE_URL, database);
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    writers.map(async (writer, w) => {
      const mine = fixtures[w]!;
      let index = 0;
      while (performance.now() < end) {
        const fixture = mine[index++];
        if (!fixture) {
          exhausted += 1;
          return;
        }
        await send(submit, SUBMIT, { input: { scorecardId: fixture.scorecardId } }, await writer.token());
        if (performance.now() >= end) break;
        await send(advance, ADVANCE, { input: { applicationId: fixture.applicationId } }, await adminToken());
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  const load = loadavg();
  const serviceCpu = process.cpuUsage(serviceCpuBefore);
  let databaseCpuMs = 0;
  for (const pid of await serviceBackends(pg, database))
    databaseCpuMs += processCpuMs(pid) - (backendsBefore.get(pid) ?? 0);
  const { waits, samples, active } = await sampler.stop();
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const ok = submit.length + advance.length;
  return {
    name,
    ok,
    errors,
    firstErrors,
    elapsedMs,
    perSecond: (ok * 1000) / elapsedMs,
    all: sorted([...submit, ...advance]),
    submit: sorted(submit),
    advance: sorted(advance),
    exhausted,
    waits,
    samples,
    activeSamples: active,
    load,
    serviceCpuMs: (serviceCpu.user + serviceCpu.system) / 1000,
    databaseCpuMs,
    rounds: [(ok * 1000) / elapsedMs],
  };
}

/** Several rounds of one phase as one: counts and times added, latencies and waits pooled. */
function merge(results: PhaseResult[]): PhaseResult {
  const [first, ...rest] = results;
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const total = rest.reduce((sum, result) => {
    const waits = new Map(sum.waits);
    for (const [key, count] of result.waits) waits.set(key, (waits.get(key) ?? 0) + count);
    return {
      ...sum,
      ok: sum.ok + result.ok,
      errors: sum.errors + result.errors,
      firstErrors: [...sum.firstErrors, ...result.firstErrors].slice(0, 3),
      elapsedMs: sum.elapsedMs + result.elapsedMs,
      all: [...sum.all, ...result.all],
      submit: [...sum.submit, ...result.submit],
      advance: [...sum.advance, ...result.advance],
      exhausted: sum.exhausted + result.exhausted,
      waits,
      samples: sum.samples + result.samples,
      activeSamples: sum.activeSamples + result.activeSamples,
      load: result.load,
      serviceCpuMs: sum.serviceCpuMs + result.serviceCpuMs,
      databaseCpuMs: sum.databaseCpuMs + result.databaseCpuMs,
      rounds: [...sum.rounds, ...result.rounds],
    };
  }, first!);
  return {
    ...total,
    perSecond: (total.ok * 1000) / total.elapsedMs,
    all: sorted(total.all),
    submit: sorted(total.submit),
    advance: sorted(total.advance),
  };
}

async function main(): Promise<void> {
  const base = loadConfig({ ...process.env, DATABASE_URL });
  const config: AppConfig = {
    ...base,
    logLevel: 'silent',
    database: { ...base.database, poolMax: POOL },
    rateLimits: {
      ...base.rateLimits,
      mutationsPerUserPerMinute: 1_000_000_000,
      loginAttemptsPerIpPerMinute: 1_000_000,
    },
  };
  const database = decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));
  const loadAtStart = loadavg();
  const startedAt = new Date();
  log(`writers ${WRITERS}, ${DURATION_S} s per phase, ${PER_WRITER} applications per writer, database ${database}`);
  await recreateBenchDatabase(config, ['writers']);
  const out = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => process.stderr.write(chunk)) as typeof process.stdout.write;
  try {
    await seedSynthetic(['--applications', '200', '--seed', '11', '--database-url', DATABASE_URL]);
  } finally {
    process.stdout.write = out;
  }
  const pg = new Client({ connectionString: DATABASE_URL, application_name: 'bench-writers' });
  await pg.connect();
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  try {
    const admin = await signedInAdmin(app, 'bench-writers-admin@writers.bench');
    const writers: Writer[] = [];
    for (let w = 0; w < WRITERS; w++) {
      const email = `bench-writer-${w}@writers.bench`;
      const client = await signedInAs(app, email, [Role.INTERVIEWER]);
      const { rows } = await pg.query<{ id: string }>(`select id from app_user where email = $1`, [email]);
      writers.push({ email, userId: rows[0]!.id, token: client.token });
      await client.token();
    }
    await admin.token();
    const template = await findTemplate(pg);
    const triggers = await analyticsTriggers(pg);
    log(`template scorecard ${template.scorecardId}; analytics triggers: ${triggers.map((t) => t.trigger).join(', ')}`);

    // A short warm-up on fixtures of its own, triggers on, so neither phase pays for first calls.
    const warmFixtures = await makeFixtures(pg, 'warmup', template, writers);
    const warm = await runPhase(pg, 'warm-up', 2, admin.post, admin.token, writers, warmFixtures, database);
    log(`warm-up: ${warm.ok} mutations, ${warm.errors} errors`);

    const enabled: PhaseResult[] = [];
    const disabled: PhaseResult[] = [];
    let exact = true;
    let differences: Record<string, number> = {};
    let stripes: number | null = null;
    const runEnabled = async (round: number) => {
      const fixtures = await makeFixtures(pg, `on${round}`, template, writers);
      log(`round ${round + 1}: analytics triggers enabled`);
      const result = await runPhase(
        pg,
        'triggers enabled',
        DURATION_S,
        admin.post,
        admin.token,
        writers,
        fixtures,
        database,
      );
      log(`  ${result.ok} mutations in ${(result.elapsedMs / 1000).toFixed(1)} s, ${result.errors} errors`);
      enabled.push(result);
      // With striped rollups (migration StripedRollups): how many stripes the stage rows used.
      const { rowCount: isStriped } = await pg.query(
        `select 1 from information_schema.columns where table_name = 'analytics_stage_rollup' and column_name = 'stripe'`,
      );
      if (isStriped) {
        const { rows: striped } = await pg.query<{ stripes: number }>(
          `select count(distinct stripe)::int as stripes from analytics_stage_rollup`,
        );
        stripes = Math.max(stripes ?? 0, striped[0]!.stripes);
      }
      const found = await rollupDifferencesFromRebuild(pg);
      const same = JSON.stringify(found) === JSON.stringify(NO_ROLLUP_DIFFERENCES);
      if (!same) differences = found;
      exact &&= same;
      log(`  rollups ${same ? 'equal' : 'DIFFER from'} a rebuild: ${JSON.stringify(found)}`);
    };
    const runDisabled = async (round: number) => {
      const fixtures = await makeFixtures(pg, `off${round}`, template, writers);
      await setTriggers(pg, false);
      try {
        log(`round ${round + 1}: analytics triggers disabled`);
        const result = await runPhase(
          pg,
          'triggers disabled',
          DURATION_S,
          admin.post,
          admin.token,
          writers,
          fixtures,
          database,
        );
        log(`  ${result.ok} mutations in ${(result.elapsedMs / 1000).toFixed(1)} s, ${result.errors} errors`);
        disabled.push(result);
      } finally {
        await setTriggers(pg, true);
        await pg.query('select analytics_rebuild()');
      }
    };
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        await runEnabled(round);
        await runDisabled(round);
      } else {
        await runDisabled(round);
        await runEnabled(round);
      }
    }
    const on = merge(enabled);
    const off = merge(disabled);

    const ratio = on.perSecond / off.perSecond;
    const cpuPer = (result: PhaseResult) => (result.serviceCpuMs + result.databaseCpuMs) / Math.max(1, result.ok);
    const cpuRatio = cpuPer(off) / cpuPer(on);
    const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '–');
    const row = (result: PhaseResult) =>
      `| ${result.name} | ${result.ok} | ${result.errors} | ${(result.elapsedMs / 1000).toFixed(1)} s | ${result.perSecond.toFixed(1)} (${result.rounds.map((value) => value.toFixed(1)).join(', ')}) | ${(result.serviceCpuMs / Math.max(1, result.ok)).toFixed(1)} / ${(result.databaseCpuMs / Math.max(1, result.ok)).toFixed(1)} ms | ${ms(percentile(result.all, 50))} / ${ms(percentile(result.all, 99))} | ${ms(percentile(result.submit, 50))} / ${ms(percentile(result.submit, 99))} | ${ms(percentile(result.advance, 50))} / ${ms(percentile(result.advance, 99))} | ${result.load.map((v) => v.toFixed(2)).join(' / ')} |`;
    const waitsOf = (result: PhaseResult) =>
      [...result.waits.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([wait, count]) => `${wait} ${((100 * count) / Math.max(1, result.activeSamples)).toFixed(0)}%`)
        .join(', ');
    const lines = [
      `Run: ${startedAt.toISOString()} on ${hostname()}; ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}`,
      `Load average (1/5/15 min) at start: ${loadAtStart.map((v) => v.toFixed(2)).join(' / ')}`,
      `Command: npm run bench:writers -- ${process.argv.slice(2).join(' ')}`.trimEnd(),
      `${WRITERS} writers, ${ROUNDS} rounds of ${DURATION_S} s per phase (alternating which phase goes first), pool ${POOL} connections; each writer, per application: submitScorecard then advanceApplication; all applications of one position, applied in the same week`,
      '',
      '| phase | mutations | errors | time | mutations/s (per round) | CPU per mutation, service / PostgreSQL | p50 / p99 all | p50 / p99 submitScorecard | p50 / p99 advanceApplication | load average at end |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      row(on),
      row(off),
      '',
      `Ratio enabled / disabled: ${ratio.toFixed(2)}× (target >= 0.7×: ${ratio >= 0.7 ? 'met' : 'NOT met'}); CPU per mutation disabled / enabled: ${cpuRatio.toFixed(2)}× (the throughput ratio a machine the bench has to itself would show if CPU were the only limit)`,
      `Rollups after the enabled phase equal analytics_rebuild() (summed per key): ${exact ? 'yes' : `NO ${JSON.stringify(differences)}`}; ${stripes === null ? 'rollups not striped' : `stripes of analytics_stage_rollup in use: ${stripes}`}`,
      `What active backends waited on, enabled (${on.samples} samples): ${waitsOf(on)}`,
      `What active backends waited on, disabled (${off.samples} samples): ${waitsOf(off)}`,
    ];
    if (on.exhausted || off.exhausted)
      lines.push(
        `Warning: writers ran out of fixtures (enabled ${on.exhausted}, disabled ${off.exhausted}); raise --per-writer`,
      );
    for (const result of [on, off])
      if (result.firstErrors.length) lines.push(`First errors (${result.name}): ${result.firstErrors.join(' | ')}`);
    lines.forEach((line) => process.stdout.write(`${line}\n`));
    if (!exact) process.exitCode = 2;
  } finally {
    await app.close();
    await pg.end();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(`writers bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
