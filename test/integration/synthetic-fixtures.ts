import type { Client } from 'pg';
import { insertHistory, type SyntheticHistory } from '../../src/cli/synthetic';
import type { AnalyticsFilterValues } from '../../src/modules/analytics';

/** The generated applications an analytics filter selects, decided in memory (the tests' reference). */
export function selectApplications(history: SyntheticHistory, filter: AnalyticsFilterValues) {
  const positions = new Map(history.positions.map((position) => [position.id, position]));
  return history.applications.filter((application) => {
    const position = positions.get(application.positionId)!;
    return (
      (!filter.positionIds || filter.positionIds.includes(application.positionId)) &&
      (!filter.from || application.appliedAt >= filter.from) &&
      (!filter.to || application.appliedAt < filter.to) &&
      (!filter.experienceLevels || filter.experienceLevels.includes(application.experienceLevel as never)) &&
      (!filter.companyProfiles || filter.companyProfiles.includes(position.companyProfile as never))
    );
  });
}

/**
 * Loads a generated history the way seed:synthetic does: triggers off, then one rebuild of the
 * analytics rollups (analytics-rollups.int-spec.ts proves the triggers give the same rows).
 */
export async function bulkLoadHistory(client: Client, history: SyntheticHistory): Promise<void> {
  await client.query('set session_replication_role = replica');
  try {
    await insertHistory(client, history, { batchSize: 2000 });
  } finally {
    await client.query('set session_replication_role = origin');
  }
  await client.query('select analytics_rebuild()');
}
