import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';

/** Empties every application table (not the migrations table) between tests. */
export async function resetDatabase(orm: MikroORM): Promise<void> {
  const tables = Object.values(orm.getMetadata().getAll())
    .filter((meta) => !meta.abstract && !meta.embeddable && meta.tableName)
    .map((meta) => `"${meta.schema ?? 'public'}"."${meta.tableName}"`);
  if (!tables.length) return;
  const sql = `truncate ${[...new Set(tables)].join(', ')} restart identity cascade`;
  // A worker running in the test's process (reminders, the reconciler) may hold row locks that make
  // PostgreSQL pick the truncate as a deadlock victim: it rolled back whole, so it is run again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await orm.em.getConnection().execute(sql);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt === 5) throw error;
    }
  }
}

/** The part of a pg client the rollup check uses (a pooled client or a Client). */
interface Queryable {
  query(sql: string): Promise<{ rows: Array<Record<string, unknown>> }>;
}

const ROLLUPS = [
  'analytics_question_rating',
  'analytics_question_rollup',
  'analytics_application_rollup',
  'analytics_decision_histogram',
  'analytics_calibration_card',
  'analytics_calibration_rollup',
  'analytics_turnaround_rollup',
  'analytics_stage_visit',
  'analytics_stage_rollup',
];
/**
 * The striped rollups: their key (without the stripe) and their counters. A figure is the sum over
 * a key's stripes, so both sides are compared summed per key; keys whose counters all sum to zero
 * are what a rebuild leaves out. The fact tables are compared row by row.
 */
const STRIPED: Record<string, { key: string[]; counters: string[] }> = {
  analytics_application_rollup: {
    key: ['week', 'experience_level', 'company_profile', 'status'],
    counters: ['applications', 'decided', 'decision_seconds'],
  },
  analytics_decision_histogram: {
    key: ['week', 'experience_level', 'company_profile', 'day'],
    counters: ['applications'],
  },
  analytics_calibration_rollup: {
    key: ['week', 'experience_level', 'company_profile', 'interviewer_id'],
    counters: ['scorecards', 'score_sum', 'deviation_sum', 'deviations', 'agreements', 'judged'],
  },
  analytics_turnaround_rollup: {
    key: ['week', 'experience_level', 'company_profile', 'stage_kind'],
    counters: ['scorecards', 'turnaround_seconds', 'on_time'],
  },
  analytics_stage_rollup: {
    key: ['week', 'experience_level', 'company_profile', 'source', 'stage_kind', 'state', 'reason_code'],
    counters: ['visits', 'closed_seconds', 'scheduled', 'schedule_seconds'],
  },
  analytics_question_rollup: {
    key: ['week', 'experience_level', 'company_profile', 'question_id', 'outcome'],
    counters: ['ratings', 'score_sum', 'score_squares'],
  },
};

/** A rollup as its figures see it: summed over stripes per key, keys summing to zero left out. */
function figuresOf(table: string): string {
  const striped = STRIPED[table];
  if (!striped) return `select * from ${table}`;
  const sums = striped.counters.map((counter) => `sum(${counter}) as ${counter}`);
  return `select ${striped.key.join(', ')}, ${sums.join(', ')} from ${table} group by ${striped.key.join(', ')}
          having ${striped.counters.map((counter) => `sum(${counter}) <> 0`).join(' or ')}`;
}

/** Keys of each rollup (summed over stripes) that differ between the maintained tables and a rebuild from scratch. */
export async function rollupDifferencesFromRebuild(client: Queryable): Promise<Record<string, number>> {
  await client.query('begin');
  try {
    for (const table of ROLLUPS) {
      await client.query(`create temp table kept_${table} on commit drop as ${figuresOf(table)}`);
    }
    await client.query('select analytics_rebuild()');
    const differences: Record<string, number> = {};
    for (const table of ROLLUPS) {
      const { rows } = await client.query(
        `select count(*) from ((select * from kept_${table} except all (${figuresOf(table)}))
                         union all ((${figuresOf(table)}) except all select * from kept_${table})) d`,
      );
      differences[table] = Number(rows[0]!.count);
    }
    return differences;
  } finally {
    // Leaves the rollups as they were: a rebuild that found nothing different changed nothing.
    await client.query('rollback');
  }
}

/** rollupDifferencesFromRebuild on a connection of its own to the test database. */
export async function rollupDifferencesInTestDatabase(): Promise<Record<string, number>> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await rollupDifferencesFromRebuild(client);
  } finally {
    await client.end();
  }
}

/** What rollupDifferencesFromRebuild gives when incremental maintenance was exact. */
export const NO_ROLLUP_DIFFERENCES = Object.fromEntries(ROLLUPS.map((table) => [table, 0]));
