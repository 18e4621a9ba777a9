// Dashboard benchmark: run on demand, never in `npm test`.
//   DATABASE_URL=postgres://…/ip_bench npm run seed:synthetic -- --applications 1000000 --seed 1
//   DATABASE_URL=postgres://…/ip_bench npm run bench:dashboard -- [--runs 20]
// Opens the hiring manager's dashboard the way the web app does: the same GraphQL documents
// (web/src/analytics/operations.ts), sent at once over HTTP to the real service, and times each
// opening from the first request to the last answer. Prints p50/p95/max per filter as Markdown.
import 'reflect-metadata';
import { cpus, hostname, loadavg, totalmem } from 'node:os';
import { print } from 'graphql';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../src/config/app-config';
import { createApiApp } from '../src/api-app';
import { signedInAdmin } from './bench-client';
import { DashboardDocument, DashboardPositionsDocument, FunnelDocument } from '../web/src/analytics/operations';

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) || fallback : fallback;
};
const runs = option('--runs', 20);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const config = { ...loadConfig(), logLevel: 'silent' as const };
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const em = app.get(MikroORM).em.fork();
  // An admin sees every position: the widest dashboard there is (a hiring manager's is the same
  // queries over their own positions).
  const { asAdmin } = await signedInAdmin(app, 'bench-dashboard@example.com');

  const [{ id: positionId }] = await em
    .getConnection()
    .execute<{ id: string }[]>(
      `select p.id from position p join application a on a.position_id = p.id group by p.id order by count(*) desc limit 1`,
    );
  const [counts] = await em
    .getConnection()
    .execute<{ applications: string; positions: string }[]>(
      `select (select count(*) from application) as applications, (select count(*) from position) as positions`,
    );
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString();
  const filtered = { from: yearAgo, experienceLevels: ['SENIOR', 'STAFF'], companyProfiles: ['STARTUP', 'ENTERPRISE'] };

  const dashboard = print(DashboardDocument);
  const positions = print(DashboardPositionsDocument);
  const funnel = print(FunnelDocument);
  /** One opening of the page: every request it sends on load, at once, as the browser does. */
  const open = (filter: Record<string, unknown>, withFunnel: boolean) =>
    Promise.all([
      asAdmin(positions, {}),
      asAdmin(dashboard, { filter }),
      ...(withFunnel ? [asAdmin(funnel, { positionId, filter })] : []),
    ]);

  const variants: Array<{ name: string; filter: Record<string, unknown>; withFunnel: boolean }> = [
    { name: 'every position', filter: {}, withFunnel: false },
    { name: 'every position, last year, two levels, two profiles', filter: filtered, withFunnel: false },
    { name: 'one position, with its funnel', filter: { positionIds: [positionId] }, withFunnel: true },
    {
      name: 'one position, with its funnel, filtered',
      filter: { ...filtered, positionIds: [positionId] },
      withFunnel: true,
    },
  ];
  const started = new Date();
  const loadAtStart = loadavg().map((value) => value.toFixed(2));
  const rows: string[] = [];
  try {
    for (const variant of variants) {
      await open(variant.filter, variant.withFunnel); // warm-up
      const samples: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const start = process.hrtime.bigint();
        await open(variant.filter, variant.withFunnel);
        samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      rows.push(
        `| ${variant.name} | ${percentile(samples, 50).toFixed(0)} ms | ${percentile(samples, 95).toFixed(0)} ms | ${Math.max(...samples).toFixed(0)} ms |`,
      );
    }
  } finally {
    await app.close();
  }

  process.stdout.write(
    [
      `Machine: ${hostname()}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${started.toISOString()}; load average at start ${loadAtStart.join(' ')}, at end ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
      `Data: ${Number(counts!.applications).toLocaleString('en')} applications, ${counts!.positions} positions; ${runs} openings per row, one after another.`,
      '',
      '| dashboard opened for | p50 | p95 | max |',
      '| --- | ---: | ---: | ---: |',
      ...rows,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
