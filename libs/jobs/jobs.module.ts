import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ALL_QUEUES } from './job-names';
import { OUTBOX_POLL_MS, OutboxRelay } from './outbox-relay';
import { WORKER_SETTINGS, type WorkerSettings } from './queue-processor';
import { RECONCILE_INTERVAL_MS, Reconciler, REBUILD_STEPS, type RebuildStep } from './reconciler';

export interface JobsModuleOptions {
  redisUrl: string;
  prefix: string;
  outboxPollMs: number;
  worker: WorkerSettings;
  /** What the reconciler rebuilds (none: it does nothing). */
  rebuildSteps?: readonly RebuildStep[];
  /** Pause between two reconciler passes (default one minute). */
  reconcileIntervalMs?: number;
}

/** BullMQ connection, every queue, the outbox relay and the reconciler. Imported by the worker process. */
@Module({})
export class JobsModule {
  static forRoot(options: JobsModuleOptions): DynamicModule {
    return {
      module: JobsModule,
      // Global so feature modules' processors get WORKER_SETTINGS and the relay without importing it.
      global: true,
      imports: [
        BullModule.forRoot({
          connection: { url: options.redisUrl, maxRetriesPerRequest: null },
          prefix: options.prefix,
          defaultJobOptions: {
            attempts: 5,
            backoff: { type: 'exponential', delay: 2000 },
            removeOnComplete: { age: 24 * 3600, count: 10_000 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        }),
        ...ALL_QUEUES.map((name) => BullModule.registerQueue({ name })),
      ],
      providers: [
        OutboxRelay,
        Reconciler,
        { provide: OUTBOX_POLL_MS, useValue: options.outboxPollMs },
        { provide: REBUILD_STEPS, useValue: options.rebuildSteps ?? [] },
        { provide: RECONCILE_INTERVAL_MS, useValue: options.reconcileIntervalMs ?? 60_000 },
        { provide: WORKER_SETTINGS, useValue: options.worker },
      ],
      exports: [BullModule, OutboxRelay, Reconciler, WORKER_SETTINGS],
    };
  }
}
