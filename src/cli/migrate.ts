// `npm run migrate`: creates the database if needed and applies pending migrations.
import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { exitOnStartupFailure } from '../config/process-exit';
import { waitForDependencies } from '../config/wait-for-dependencies';
import { ensureDatabase, migrate } from './database';

async function main(): Promise<void> {
  const config = loadConfig();
  await waitForDependencies(config, { redis: false });
  if (await ensureDatabase(config)) process.stdout.write('Created the database.\n');
  const applied = await migrate(config);
  process.stdout.write(applied.length ? `Applied ${applied.join(', ')}\n` : 'The database is up to date.\n');
}

main().catch(exitOnStartupFailure);
