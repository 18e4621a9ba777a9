// The demo's past: a few hundred applications of generated history (the synthetic generator, so
// the same domain rules as everywhere), run by the demo hiring manager and recruiter, so that every
// figure and work queue shows something at first start.
import { Client } from 'pg';
import { Role } from '../../libs/domain';
import { SYNTHETIC_EMAIL_DOMAIN, generateHistory, insertHistory, type SyntheticHistory } from './synthetic';

export const DEMO_HISTORY_APPLICATIONS = 400;
const DEMO_HISTORY_SEED = 2026;

export interface DemoPeople {
  recruiterId: string;
  hiringManagerId: string;
  /** Demo interviewers who take over the panels of the first generated interviewers. */
  interviewerIds: string[];
}

/**
 * Hands the generated positions to the demo people: every generated hiring manager becomes the demo
 * hiring manager and every recruiter the demo recruiter (their generated users are dropped), and the
 * first generated interviewers become the demo interviewers. Ids are replaced in every row.
 */
export function assignToDemoPeople(history: SyntheticHistory, people: DemoPeople): SyntheticHistory {
  const replacement = new Map<string, string>();
  const interviewers = history.users.filter((user) => user.roles.includes(Role.INTERVIEWER));
  for (const user of history.users) {
    if (user.roles.includes(Role.HIRING_MANAGER)) replacement.set(user.id, people.hiringManagerId);
    else if (user.roles.includes(Role.RECRUITER)) replacement.set(user.id, people.recruiterId);
  }
  people.interviewerIds.forEach((id, index) => {
    const interviewer = interviewers[index];
    if (interviewer) replacement.set(interviewer.id, id);
  });
  const swap = (value: unknown): unknown => (typeof value === 'string' ? (replacement.get(value) ?? value) : value);
  const result = {} as Record<string, unknown[]>;
  for (const [table, rows] of Object.entries(history) as Array<[string, Array<Record<string, unknown>>]>) {
    if (table === 'users') {
      result[table] = rows.filter((row) => !replacement.has(row.id as string));
      continue;
    }
    result[table] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([field, value]) => [field, Array.isArray(value) ? value.map(swap) : swap(value)]),
      ),
    );
  }
  const seen = new Set<string>();
  result.positionRecruiters = (result.positionRecruiters as Array<{ positionId: string; userId: string }>).filter(
    (row) => !seen.has(`${row.positionId}:${row.userId}`) && seen.add(`${row.positionId}:${row.userId}`),
  );
  return result as unknown as SyntheticHistory;
}

/**
 * Writes the demo history once (idempotent: nothing happens when generated users exist already);
 * returns the number of applications written. The generated plan template is archived (the demo
 * lists the built-in one) and the generated plans take the built-in plan's benchmarks.
 */
export async function loadDemoHistory(databaseUrl: string, people: DemoPeople, now = new Date()): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', ['demo-history']);
    const existing = await client.query<{ found: boolean }>(
      'select exists (select 1 from app_user where email like $1) as found',
      [`%@${SYNTHETIC_EMAIL_DOMAIN}`],
    );
    if (existing.rows[0]!.found) return 0;
    const history = assignToDemoPeople(
      generateHistory({ applications: DEMO_HISTORY_APPLICATIONS, seed: DEMO_HISTORY_SEED, positions: 3, now }),
      people,
    );
    await insertHistory(client, history, { batchSize: 1000 });
    const plans = history.interviewPlans.map((plan) => plan.id);
    await client.query(
      `update interview_plan set
         benchmarks = (select benchmarks from interview_plan where built_in_key = 'backend-developer' order by version limit 1),
         archived_at = case when is_template then now() else archived_at end
       where id = any($1::uuid[])`,
      [plans],
    );
    return history.applications.length;
  } finally {
    await client.query('select pg_advisory_unlock(hashtext($1))', ['demo-history']).catch(() => undefined);
    await client.end();
  }
}
