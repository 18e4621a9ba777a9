// `npm start`: one machine, everything. Creates and migrates the database, seeds it, then runs the
// API and a worker as two child processes. SIGTERM/SIGINT are passed on; if either child exits,
// the other is stopped and this process exits with its code.
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { exitOnStartupFailure } from '../config/process-exit';
import { waitForDependencies } from '../config/wait-for-dependencies';
import { ensureDatabase, migrate } from './database';
import { seed } from './seed';

async function main(): Promise<void> {
  const config = loadConfig();
  await waitForDependencies(config, { redis: true });
  await ensureDatabase(config);
  const applied = await migrate(config);
  if (applied.length) process.stdout.write(`Applied migrations: ${applied.join(', ')}\n`);
  await seed(config);
  const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? 'localhost' : config.http.host;
  process.stdout.write(
    `interview-pipeline: open http://${host}:${config.http.port}/` +
      (config.demoData ? ' (demo users and their password: README.md, "Demo users")\n' : '\n'),
  );

  const children: ChildProcess[] = [fork(join(__dirname, '..', 'main.js')), fork(join(__dirname, '..', 'worker.js'))];
  let stopping = false;
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => stopAll('SIGTERM'));
  let exitCode = 0;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) =>
          child.on('exit', (code) => {
            exitCode = Math.max(exitCode, code ?? 1);
            if (!stopping) stopAll('SIGTERM');
            resolve();
          }),
        ),
    ),
  );
  process.exit(exitCode);
}

main().catch(exitOnStartupFailure);
