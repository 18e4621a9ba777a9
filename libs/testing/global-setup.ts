import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { testRunEnvironment } from './test-environment';

/**
 * Creates and migrates this run's database; the environment reaches every test file. Migrating
 * runs in a child process: MikroORM's metadata must not be loaded in jest's outer realm.
 */
export default function globalSetup(): void {
  Object.assign(process.env, testRunEnvironment());
  const root = join(__dirname, '..', '..');
  execFileSync(process.execPath, ['-r', '@swc-node/register', join(root, 'src/cli/migrate.ts')], {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
