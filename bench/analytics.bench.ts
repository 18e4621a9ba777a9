// Analytics benchmark: run on demand, never in `npm test`.
//   DATABASE_URL=postgres://…/ip_bench npm run seed:synthetic -- --applications 1000000 --seed 1
//   DATABASE_URL=postgres://…/ip_bench node -r @swc-node/register bench/analytics.bench.ts [--runs 30]
// Times every analytics query through GraphQL over HTTP (one position and all positions, with and
// without filters) and the same SQL run directly, and prints p50/p95 and the ratio as Markdown.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { hostname, cpus, totalmem } from 'node:os';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { Role } from '../libs/domain';
import { loadConfig } from '../src/config/app-config';
import { createApiApp } from '../src/main';
import { AnalyticsService } from '../src/modules/analytics/analytics.service';
import { PasswordHasher } from '../src/modules/identity/password-hasher';
import { User } from '../src/modules/identity/user.entity';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 30;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
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
  const url = `${await app.getUrl()}/graphql`;
  const orm = app.get(MikroORM);
  const em = orm.em.fork();
  const email = 'bench-admin@example.com';
  const password = `bench-${randomUUID()}`;
  const existing = await em.findOne(User, { email });
  if (existing) em.remove(existing);
  await em.flush();
  em.persist(
    new User({ email, name: 'Bench', roles: [Role.ADMIN], passwordHash: await new PasswordHasher().hash(password) }),
  );
  await em.flush();

  const post = async (query: string, variables: object = {}, token?: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const token = (
    await post(`mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`, {
      input: { email, password },
    })
  ).login.accessToken;
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
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString();
  const filtered = { from: yearAgo, experienceLevels: ['SENIOR', 'STAFF'], companyProfiles: ['STARTUP', 'ENTERPRISE'] };
  const service = app.get(AnalyticsService);
  const actor = { kind: 'user' as const, userId: null, roles: [Role.ADMIN] };
  const cases: Array<[string, string, object, () => Promise<unknown>]> = [
    [
      'stageSuccessRates, one position',
      `query ($id: ID!) { stageSuccessRates(positionId: $id) { order passRate } }`,
      { id: positionId },
      () => service.stageSuccessRates(actor, positionId!),
    ],
    [
      'stageSuccessRates, one position, filtered',
      `query ($id: ID!, $f: AnalyticsFilter) { stageSuccessRates(positionId: $id, filter: $f) { order passRate } }`,
      { id: positionId, f: filtered },
      () => service.stageSuccessRates(actor, positionId!, { ...filtered, from: new Date(yearAgo) } as never),
    ],
    [
      'successRatesByExperienceLevel, all positions',
      `{ successRatesByExperienceLevel { experienceLevel successRate } }`,
      {},
      () => service.successRatesByExperienceLevel(actor),
    ],
    [
      'successRatesByExperienceLevel, one position',
      `query ($f: AnalyticsFilter) { successRatesByExperienceLevel(filter: $f) { successRate } }`,
      { f: { positionIds: [positionId] } },
      () => service.successRatesByExperienceLevel(actor, { positionIds: [positionId!] }),
    ],
    [
      'pipelineSummary, all positions',
      `{ pipelineSummary { applications overallSuccessRate medianDurationDays } }`,
      {},
      () => service.pipelineSummary(actor),
    ],
    [
      'pipelineSummary, all positions, filtered',
      `query ($f: AnalyticsFilter) { pipelineSummary(filter: $f) { applications } }`,
      { f: filtered },
      () => service.pipelineSummary(actor, { ...filtered, from: new Date(yearAgo) } as never),
    ],
    [
      'interviewerCalibration, all positions',
      `{ interviewerCalibration { scorecards meanDeviationFromPanel } }`,
      {},
      () => service.interviewerCalibration(actor),
    ],
    [
      'interviewerCalibration, one position',
      `query ($f: AnalyticsFilter) { interviewerCalibration(filter: $f) { scorecards } }`,
      { f: { positionIds: [positionId] } },
      () => service.interviewerCalibration(actor, { positionIds: [positionId!] }),
    ],
  ];
  const lines = [
    `Machine: ${hostname()}, ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString()}`,
    `Data: ${JSON.stringify(counts[0])}; ${runs} timed runs per case after one warm-up.`,
    '',
    '| query | GraphQL p50 ms | GraphQL p95 ms | SQL only p50 ms | SQL only p95 ms | p95 ratio |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, query, variables, direct] of cases) {
    const viaApi = await time(() => post(query, variables, token));
    // The service's SQL alone, in its own unit of work: no HTTP, no GraphQL, no auth.
    const sqlOnly = await time(() => RequestContext.create(orm.em, direct));
    const p95 = percentile(viaApi, 95);
    lines.push(
      `| ${name} | ${percentile(viaApi, 50).toFixed(1)} | ${p95.toFixed(1)} | ${percentile(sqlOnly, 50).toFixed(1)} | ${percentile(sqlOnly, 95).toFixed(1)} | ${(p95 / percentile(sqlOnly, 95)).toFixed(2)} |`,
    );
    process.stderr.write(`${name}: done\n`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
