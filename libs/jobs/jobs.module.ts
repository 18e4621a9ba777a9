import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ALL_QUEUES } from './job-names';
import { OUTBOX_POLL_MS, OutboxRelay } from './outbox-relay';
import { WORKER_SETTINGS, type WorkerSettings } from './queue-processor';

export interface JobsModuleOptions {
  redisUrl: string;
  prefix: string;
  outboxPollMs: number;
  worker: WorkerSettings;
}

/** BullMQ connection, every queue, and the outbox relay. Imported by the worker process. */
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
        { provide: OUTBOX_POLL_MS, useValue: options.outboxPollMs },
        { provide: WORKER_SETTINGS, useValue: options.worker },
      ],
      exports: [BullModule, OutboxRelay, WORKER_SETTINGS],
    };
  }
}
