import { RequestContext } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { Client } from 'pg';
import { displayScore, Role } from '../../libs/domain';
import { resetDatabase, TestApi } from '../../libs/testing';
import { generateHistory, type SyntheticHistory } from '../../src/cli/synthetic';
import { AnalyticsCsvService, AnalyticsTable, type AnalyticsFilterValues } from '../../src/modules/analytics';
import { bulkLoadHistory } from './synthetic-fixtures';

/**
 * analyticsCsv honours every argument for every table: `positionId` gives the same rows as a
 * filter on that position alone, together with the filter's other conditions; and the figures are
 * those of the GraphQL fields, scores shown to 2 decimals.
 */
describe('analytics CSV on a generated history', () => {
  const api = new TestApi();
  let history: SyntheticHistory;
  let csv: AnalyticsCsvService;
  const admin = { kind: 'user' as const, userId: null, roles: [Role.ADMIN] };
  const run = <T>(fn: () => Promise<T>) => RequestContext.create(api.orm.em, fn);
  const table = (name: AnalyticsTable, positionId?: string, filter?: AnalyticsFilterValues) =>
    run(() => csv.table(admin, name, positionId, filter as never));

  beforeAll(async () => {
    await api.start();
    await resetDatabase(api.orm);
    history = generateHistory({ applications: 600, seed: 3 });
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await bulkLoadHistory(client, history);
    } finally {
      await client.end();
    }
    csv = api.app.get(AnalyticsCsvService);
  }, 120_000);
  afterAll(() => api.close());

  const rowsOf = (text: string) => parse(text, { columns: true }) as Array<Record<string, string>>;
  const others = Object.values(AnalyticsTable).filter((name) => name !== AnalyticsTable.STAGE_SUCCESS_RATES);
  const levels = { experienceLevels: ['SENIOR', 'STAFF'] as never };
  const window = { from: new Date('2025-06-01T00:00:00Z'), to: new Date('2026-06-01T00:00:00Z') };

  it.each(others)('%s: positionId narrows the rows to that position, with the filter', async (name) => {
    const [first, second] = history.positions;
    const one = await table(name, first!.id);
    expect(one).toBe(await table(name, undefined, { positionIds: [first!.id] }));
    expect(await table(name, first!.id, levels)).toBe(
      await table(name, undefined, { ...levels, positionIds: [first!.id] }),
    );
    expect(await table(name, first!.id, window)).toBe(
      await table(name, undefined, { ...window, positionIds: [first!.id] }),
    );
    // A filter on other positions and a positionId outside it select nothing.
    expect(await table(name, first!.id, { positionIds: [second!.id] })).toBe(
      await table(name, undefined, { positionIds: [] }),
    );
    // The position's rows are not the organisation's.
    expect(one).not.toBe(await table(name));
  });

  it('STAGE_SUCCESS_RATES: the position, with the filter', async () => {
    const [first, second] = history.positions;
    const all = await table(AnalyticsTable.STAGE_SUCCESS_RATES, first!.id);
    const senior = await table(AnalyticsTable.STAGE_SUCCESS_RATES, first!.id, levels);
    expect(senior).not.toBe(all);
    expect(await table(AnalyticsTable.STAGE_SUCCESS_RATES, first!.id, { positionIds: [first!.id] })).toBe(all);
    const elsewhere = rowsOf(await table(AnalyticsTable.STAGE_SUCCESS_RATES, first!.id, { positionIds: [second!.id] }));
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const row of elsewhere) expect([row.entered, row.passed, row.failed]).toEqual(['0', '0', '0']);
  });

  it('shows scores to 2 decimals', async () => {
    const rows = rowsOf(await table(AnalyticsTable.INTERVIEWER_CALIBRATION));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.meanScore!.includes('.'))).toBe(true);
    for (const row of rows) {
      for (const value of [row.meanScore, row.meanDeviationFromPanel].filter(Boolean).map(Number)) {
        expect(displayScore(value)).toBe(value);
      }
    }
  });
});
