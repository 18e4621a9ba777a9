import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext, ModuleMetadata } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { assertNoEviction } from '../libs/jobs';
import { loadConfig, type AppConfig } from './config/app-config';
import { closeOnSignals, exitOnStartupFailure } from './config/process-exit';
import { waitForDependencies } from './config/wait-for-dependencies';
import { WorkerModule } from './worker.module';

/**
 * Builds the worker process. On SIGTERM closing the app closes the BullMQ workers, which stop taking jobs
 * and wait for the active ones; a job cut off by a hard kill is retried once its lock expires.
 */
export async function createWorkerApp(
  config: AppConfig,
  extra: ModuleMetadata['imports'] = [],
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, extra), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  return app;
}

export async function runWorker(extra: ModuleMetadata['imports'] = []): Promise<void> {
  const config = loadConfig();
  await waitForDependencies(config, { redis: true });
  await assertNoEviction(config.redis.url, (reason) => process.stderr.write(`Warning: ${reason}\n`));
  const app = await createWorkerApp(config, extra);
  closeOnSignals(app, config.shutdownTimeoutSeconds);
  await app.init();
  app.get(Logger).log('Worker started');
}

if (require.main === module) runWorker().catch(exitOnStartupFailure);
