import type { MikroORM } from '@mikro-orm/postgresql';

/** Empties every application table (not the migrations table) between tests. */
export async function resetDatabase(orm: MikroORM): Promise<void> {
  const tables = Object.values(orm.getMetadata().getAll())
    .filter((meta) => !meta.abstract && !meta.embeddable && meta.tableName)
    .map((meta) => `"${meta.schema ?? 'public'}"."${meta.tableName}"`);
  if (tables.length)
    await orm.em.getConnection().execute(`truncate ${[...new Set(tables)].join(', ')} restart identity cascade`);
}
