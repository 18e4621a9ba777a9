import { Client } from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { redactUrl, type AppConfig } from '../config/app-config';
import { mikroOrmOptions } from '../config/mikro-orm.config';

/** Creates the database named in DATABASE_URL when it does not exist yet. */
export async function ensureDatabase(config: AppConfig): Promise<boolean> {
  const url = new URL(config.database.url);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`create database ${client.escapeIdentifier(name)}`);
    return true;
  } catch (error) {
    // Another process created it between our check and our create.
    if ((error as { code?: string }).code === '42P04') return false;
    throw new Error(
      `Could not create database ${name} on ${redactUrl(config.database.url)}: ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    await client.end();
  }
}

/** Applies pending migrations in one transaction; returns their names. */
export async function migrate(config: AppConfig): Promise<string[]> {
  const orm = await MikroORM.init(mikroOrmOptions(config));
  try {
    const applied = await orm.migrator.up();
    return applied.map((migration) => migration.name);
  } finally {
    await orm.close();
  }
}
