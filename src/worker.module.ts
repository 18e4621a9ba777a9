import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobRegistryCheck, JobsModule } from '../libs/jobs';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { PipelineJobsModule } from './modules/pipeline';
import { PrivacyJobsModule } from './modules/privacy';
import { SchedulingJobsModule, SchedulingModule } from './modules/scheduling';
import { ScorecardsModule } from './modules/scorecards';
import { HeartbeatProcessor } from './modules/system';
import { WebhooksJobsModule } from './modules/webhooks';
import { MailJobsModule } from './modules/mail';

/**
 * The worker process: job processors and the outbox relay; no HTTP. It refuses to start unless
 * every job of libs/jobs/job-names.ts has exactly one processor (JobRegistryCheck).
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, extra: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, 'worker'),
        DiscoveryModule,
        JobsModule.forRoot({
          redisUrl: config.redis.url,
          prefix: config.redis.queuePrefix,
          outboxPollMs: config.outboxPollMs,
          worker: { concurrency: config.worker.concurrency, lockDurationMs: config.worker.lockDurationMs },
        }),
        PipelineJobsModule,
        // They fill the pipeline's hooks: a transition the worker runs cancels the decided
        // application's interviews and checks the hire gate, exactly as in the API.
        SchedulingModule,
        ScorecardsModule,
        SchedulingJobsModule,
        PrivacyJobsModule,
        WebhooksJobsModule,
        MailJobsModule,
        ...extra,
      ],
      providers: [HeartbeatProcessor, JobRegistryCheck],
    };
  }
}
