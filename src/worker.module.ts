import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobRegistryCheck, JobsModule, type RebuildStep } from '../libs/jobs';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import {
  AlertsJobsModule,
  ScorecardReminderProcessor,
  SlaSweepProcessor,
  StageDecisionRebuild,
} from './modules/alerts';
import { PipelineJobsModule } from './modules/pipeline';
import { PrivacyJobsModule, RetentionProcessor } from './modules/privacy';
import { InterviewReminders, SchedulingJobsModule, SchedulingModule } from './modules/scheduling';
import { ScorecardsModule } from './modules/scorecards';
import { HeartbeatProcessor } from './modules/system';
import { WebhooksJobsModule } from './modules/webhooks';
import { MailJobsModule } from './modules/mail';

/**
 * What the reconciler rebuilds from PostgreSQL at worker start and every RECONCILE_INTERVAL_SECONDS
 * (libs/jobs/reconciler.ts). To add one, append a step whose `run` resolves a provider of the
 * worker and calls its rebuild function, e.g.
 * `{ name: 'interview reminders', run: (ref) => ref.get(InterviewReminders, { strict: false }).rebuildInterviewReminders() }`.
 */
export const REBUILD_STEPS: readonly RebuildStep[] = [
  { name: 'heartbeat schedule', run: (ref) => ref.get(HeartbeatProcessor, { strict: false }).rebuild() },
  { name: 'retention sweep schedule', run: (ref) => ref.get(RetentionProcessor, { strict: false }).rebuild() },
  { name: 'SLA sweep schedule', run: (ref) => ref.get(SlaSweepProcessor, { strict: false }).rebuild() },
  { name: 'scorecard reminders', run: (ref) => ref.get(ScorecardReminderProcessor, { strict: false }).rebuild() },
  { name: 'automatic stage decisions', run: (ref) => ref.get(StageDecisionRebuild, { strict: false }).rebuild() },
  {
    name: 'interview reminders',
    run: (ref) => ref.get(InterviewReminders, { strict: false }).rebuildInterviewReminders(),
  },
];

/**
 * The worker process: job processors, the outbox relay and the reconciler; no HTTP. It refuses to
 * start unless every job of libs/jobs/job-names.ts has exactly one processor (JobRegistryCheck).
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
          rebuildSteps: REBUILD_STEPS,
          reconcileIntervalMs: config.jobs.reconcileIntervalSeconds * 1000,
        }),
        PipelineJobsModule,
        // They fill the pipeline's hooks: a transition the worker runs cancels the decided
        // application's interviews and checks the hire gate, exactly as in the API.
        SchedulingModule,
        ScorecardsModule,
        SchedulingJobsModule,
        PrivacyJobsModule,
        WebhooksJobsModule,
        AlertsJobsModule,
        MailJobsModule,
        ...extra,
      ],
      providers: [HeartbeatProcessor, JobRegistryCheck],
    };
  }
}
