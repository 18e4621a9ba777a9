import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { ensureWebAppBuilt } from '../../web/browser-tests/web-build';
import { testRunEnvironment, testServerUrl, workerDatabaseName } from './test-environment';

/** The part of jest's global configuration read here. */
interface RunConfig {
  maxWorkers: number;
  testPathPatterns: { patterns: readonly string[] };
}

/**
 * Creates and migrates this run's database, then one copy of it per jest worker (each test file
 * runs on its worker's copy, see worker-environment.ts); the environment reaches every test file.
 * Migrating runs in a child process: MikroORM's metadata must not be loaded in jest's outer realm.
 */
export default async function globalSetup(globalConfig: RunConfig): Promise<void> {
  Object.assign(process.env, testRunEnvironment());
  const root = join(__dirname, '..', '..');
  execFileSync(process.execPath, ['-r', '@swc-node/register', join(root, 'src/cli/migrate.ts')], {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const template = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  const client = new Client({ connectionString: testServerUrl().toString() });
  await client.connect();
  try {
    // A copy of the migrated database is a file copy: much faster than migrating each one.
    for (let worker = 1; worker <= Math.max(1, globalConfig.maxWorkers); worker += 1) {
      await client.query(
        `create database ${client.escapeIdentifier(workerDatabaseName(template, worker))} template ${client.escapeIdentifier(template)}`,
      );
    }
  } finally {
    await client.end();
  }
  // Built once here, not by two browser files at once on two workers.
  if (mayRunBrowserTests(globalConfig)) {
    ensureWebAppBuilt();
  }
}

/**
 * Whether the run may include browser files: every project or `--selectProjects ... browser` (read
 * from the command line: jest keeps it out of the global config), and no path pattern or one that
 * can match their files.
 */
function mayRunBrowserTests(globalConfig: RunConfig): boolean {
  const flag = process.argv.indexOf('--selectProjects');
  if (flag >= 0) {
    const rest = process.argv.slice(flag + 1);
    const end = rest.findIndex((arg) => arg.startsWith('-'));
    if (!(end < 0 ? rest : rest.slice(0, end)).includes('browser')) return false;
  }
  const given = globalConfig.testPathPatterns.patterns;
  return given.length === 0 || given.some((pattern) => pattern.includes('browser'));
}
