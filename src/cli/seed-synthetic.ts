// `npm run seed:synthetic -- --applications N --seed S [--positions P] [--database-url URL]`:
// writes a reproducible synthetic hiring history (see synthetic/) into an already migrated
// database with bulk inserts, one transaction per chunk of applications. It does not start the
// Nest application.
import { Client } from 'pg';
import { loadConfig, redactUrl } from '../config/app-config';
import {
  SYNTHETIC_EMAIL_DOMAIN,
  SYNTHETIC_TABLES,
  createSyntheticWorld,
  emptyHistory,
  generateApplications,
  insertHistory,
  tableNameOf,
  type InsertProgress,
  type SyntheticHistory,
  type SyntheticTable,
  type SyntheticWorld,
} from './synthetic';

export interface SeedSyntheticArgs {
  applications: number;
  seed: number;
  positions?: number;
  databaseUrl?: string;
  now?: Date;
  batchSize: number;
  chunkSize: number;
  connections: number;
  transitions: boolean;
}

export const USAGE = `Usage: seed-synthetic --applications N --seed S [options]

Writes a reproducible synthetic hiring history into an already migrated database.

  --applications N     applications to generate (required)
  --seed S             random seed, a non-negative integer (required); same N and S => same rows
  --positions P        positions (default max(20, N / 5000), at least 3)
  --database-url URL   target database (default DATABASE_URL, as the app reads it)
  --now ISO-DATE       end of the history (default 2026-11-22T00:00:00Z, fixed for reproducibility)
  --batch-size R       rows per INSERT statement (default 5000)
  --chunk-size A       applications per transaction (default 2000)
  --connections C      concurrent transactions (default 2)
  --no-transitions     do not write application_transition rows
`;

export function parseArgs(argv: readonly string[]): SeedSyntheticArgs {
  const values = new Map<string, string>();
  let transitions = true;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--no-transitions') {
      transitions = false;
      continue;
    }
    if (arg === '--help' || arg === '-h') throw new UsageError('');
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`Unexpected argument "${arg}".`);
    const value = match[2] ?? argv[++index];
    if (value === undefined) throw new UsageError(`--${match[1]} needs a value.`);
    values.set(match[1]!, value);
  }
  const known = ['applications', 'seed', 'positions', 'database-url', 'now', 'batch-size', 'chunk-size', 'connections'];
  for (const key of values.keys()) if (!known.includes(key)) throw new UsageError(`Unknown option --${key}.`);
  const integer = (key: string, min: number): number | undefined => {
    const raw = values.get(key);
    if (raw === undefined) return undefined;
    const value = Number(raw.replace(/_/g, ''));
    if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`--${key} must be an integer >= ${min}.`);
    return value;
  };
  const applications = integer('applications', 0);
  const seed = integer('seed', 0);
  if (applications === undefined) throw new UsageError('--applications is required.');
  if (seed === undefined) throw new UsageError('--seed is required.');
  const rawNow = values.get('now');
  const now = rawNow === undefined ? undefined : new Date(rawNow);
  if (now && Number.isNaN(now.getTime())) throw new UsageError('--now must be an ISO date.');
  return {
    applications,
    seed,
    positions: integer('positions', 3),
    databaseUrl: values.get('database-url'),
    now,
    batchSize: integer('batch-size', 1) ?? 5000,
    chunkSize: integer('chunk-size', 1) ?? 2000,
    connections: integer('connections', 1) ?? 2,
    transitions,
  };
}

export class UsageError extends Error {}

/** The target database cannot take the history (not migrated, or seeded already). */
export class TargetError extends Error {}

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

const formatCount = (value: number) => value.toLocaleString('en-US');

async function checkTarget(client: Client): Promise<void> {
  const migrated = await client.query<{ ok: boolean }>(
    `select to_regclass('public.stage_decision') is not null and to_regclass('public.application_transition') is not null as ok`,
  );
  if (!migrated.rows[0]?.ok) throw new TargetError('The database is not migrated: run `npm run migrate` first.');
  const existing = await client.query(`select 1 from app_user where email like $1 limit 1`, [
    `%@${SYNTHETIC_EMAIL_DOMAIN}`,
  ]);
  if (existing.rowCount) {
    throw new TargetError(
      `The database already holds a synthetic history (@${SYNTHETIC_EMAIL_DOMAIN} users); use a fresh one.`,
    );
  }
}

/** Generates applications [from, to), yielding to the event loop so that in-flight inserts progress. */
async function generateChunk(world: SyntheticWorld, from: number, to: number): Promise<SyntheticHistory> {
  const out = emptyHistory();
  for (let start = from; start < to; start += GENERATION_SLICE) {
    generateApplications(world, start, Math.min(to, start + GENERATION_SLICE), out);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}

const GENERATION_SLICE = 250;

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const args = parseArgs(argv);
  const databaseUrl = args.databaseUrl ?? loadConfig().database.url;
  const started = Date.now();
  const world = createSyntheticWorld({
    applications: args.applications,
    seed: args.seed,
    positions: args.positions,
    now: args.now,
    transitions: args.transitions,
  });
  const { applications, positions } = world.options;
  write(
    `Synthetic history: ${formatCount(applications)} applications, ${positions} positions, seed ${args.seed}, ` +
      `up to ${world.options.now.toISOString()} -> ${redactUrl(databaseUrl)}`,
  );

  const clients: Client[] = [];
  try {
    for (let k = 0; k < args.connections; k++) {
      const client = new Client({ connectionString: databaseUrl });
      clients.push(client);
      await client.connect();
      // A crashed run is repeated on a fresh database, so commits need not wait for the disk.
      await client.query('set synchronous_commit = off');
    }
    // Bulk loads skip the analytics triggers (and foreign-key checks: the rows are consistent by
    // construction) and rebuild the rollups once at the end. Only a superuser may do this; anyone
    // else loads with triggers on, which is slower but gives the same rollups.
    const bulk = await Promise.all(
      clients.map((client) =>
        client.query('set session_replication_role = replica').then(
          () => true,
          () => false,
        ),
      ),
    ).then((modes) => modes.every(Boolean));
    if (!bulk) {
      await Promise.all(clients.map((client) => client.query('set session_replication_role = origin')));
      write('Not a superuser: loading with analytics triggers on (slower).');
    }
    await checkTarget(clients[0]!);
    const totals = new Map<SyntheticTable, number>();
    let rows = 0;
    const onProgress = ({ table, rows: written }: InsertProgress) => {
      totals.set(table, (totals.get(table) ?? 0) + written);
      rows += written;
    };
    const insertOptions = { batchSize: args.batchSize, onProgress };
    await insertHistory(clients[0]!, world.staticRows, insertOptions);

    // Chunks go to the connections in turn: while the database writes one chunk, the next is
    // generated.
    const idle = [...clients];
    const inFlight = new Set<Promise<void>>();
    let done = 0;
    let lastReport = Date.now();
    const report = () => {
      const seconds = (Date.now() - started) / 1000;
      const eta = done ? ((applications - done) * seconds) / done : 0;
      write(
        `  ${formatCount(done)}/${formatCount(applications)} applications (${(applications ? (100 * done) / applications : 100).toFixed(1)}%), ` +
          `${formatCount(rows)} rows, ${formatCount(Math.round(rows / seconds))} rows/s, ` +
          `${seconds.toFixed(0)}s elapsed, ~${eta.toFixed(0)}s left`,
      );
    };
    let failure: unknown = null;
    // Applications from candidateCount on are second applications of candidates written before:
    // chunks split there, and those chunks wait until every candidate is committed (a foreign-key
    // check does not see rows of a transaction still in flight).
    const firstRepeat = world.candidateCount;
    for (let from = 0, to = 0; from < applications && failure === null; from = to) {
      to = Math.min(applications, from + args.chunkSize, from < firstRepeat ? firstRepeat : Infinity);
      const chunk = await generateChunk(world, from, to);
      if (from === firstRepeat) await Promise.all(inFlight);
      while (idle.length === 0 && failure === null) await Promise.race(inFlight);
      if (failure !== null) break;
      const client = idle.pop()!;
      const job: Promise<void> = insertHistory(client, chunk, insertOptions).then(
        () => {
          inFlight.delete(job);
          idle.push(client);
          done += to - from;
          if (Date.now() - lastReport >= 5000) {
            lastReport = Date.now();
            report();
          }
        },
        (error: unknown) => {
          inFlight.delete(job);
          idle.push(client);
          failure ??= error;
        },
      );
      inFlight.add(job);
    }
    await Promise.all(inFlight);
    if (failure !== null) throw failure;
    report();
    const seconds = (Date.now() - started) / 1000;
    if (bulk) {
      const rebuildStarted = Date.now();
      await clients[0]!.query('set session_replication_role = origin');
      // Fresh tables have no statistics yet; without them the rebuild's plans are hopeless.
      await clients[0]!.query('analyze');
      await clients[0]!.query('select analytics_rebuild()');
      write(`Analytics rollups rebuilt in ${((Date.now() - rebuildStarted) / 1000).toFixed(1)}s.`);
    }
    // Fresh tables: statistics for the planner, and visibility maps for index-only scans.
    const vacuumStarted = Date.now();
    await clients[0]!.query('vacuum analyze');
    write(`vacuum analyze in ${((Date.now() - vacuumStarted) / 1000).toFixed(1)}s.`);
    write('Rows per table:');
    for (const table of SYNTHETIC_TABLES) {
      write(`  ${tableNameOf(table).padEnd(30)} ${formatCount(totals.get(table) ?? 0).padStart(12)}`);
    }
    write(
      `Done: ${formatCount(rows)} rows in ${seconds.toFixed(1)}s (${formatCount(Math.round(rows / seconds))} rows/s, ` +
        `${formatCount(Math.round(applications / seconds))} applications/s).`,
    );
  } finally {
    await Promise.allSettled(clients.map((client) => client.end()));
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(error.message ? `${error.message}\n\n${USAGE}` : USAGE);
      process.exit(error.message ? 64 : 0);
    }
    const known = error instanceof TargetError || (error as { code?: string })?.code === 'ECONNREFUSED';
    const shown = known ? (error as Error).message : ((error as Error)?.stack ?? String(error));
    process.stderr.write(`seed-synthetic failed: ${shown}\n`);
    process.exit(1);
  });
}
