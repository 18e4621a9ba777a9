// `npm run seed`: loads the built-in interview plans (and the demo data when DEMO_DATA is on).
// Idempotent; run it after `npm run migrate` in deployments that do not use `npm start`.
import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { exitOnStartupFailure } from '../config/process-exit';
import { waitForDependencies } from '../config/wait-for-dependencies';
import { seed } from './seed';

async function main(): Promise<void> {
  const config = loadConfig();
  await waitForDependencies(config, { redis: false });
  await seed(config);
  process.stdout.write('Seeded the built-in catalog' + (config.demoData ? ' and the demo data.\n' : '.\n'));
}

main().catch(exitOnStartupFailure);
