import { Inject } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName, QueueProcessor, type JobName } from '../../../libs/jobs';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { RetentionService } from './retention.service';

export const RETENTION_SWEEP: JobName = 'privacy.retention-sweep';

/**
 * Runs the retention sweep nightly (RETENTION_SWEEP_CRON, UTC). The schedule is upserted under a
 * fixed id at every worker start: any number of workers and restarts leave one schedule.
 */
@Processor(QueueName.PRIVACY, { autorun: false })
export class RetentionProcessor extends QueueProcessor {
  readonly jobNames = [RETENTION_SWEEP];

  constructor(
    private readonly retention: RetentionService,
    @InjectQueue(QueueName.PRIVACY) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  override async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    await this.schedule();
  }

  schedule(): Promise<unknown> {
    return this.queue.upsertJobScheduler(
      RETENTION_SWEEP,
      { pattern: this.config.retention.sweepCron, tz: 'UTC' },
      { name: RETENTION_SWEEP, data: {}, opts: { removeOnComplete: 30, removeOnFail: 30 } },
    );
  }

  /** Reconciler step: declares the schedule again when Redis lost it; returns 1 when it did. */
  async rebuild(): Promise<number> {
    if (await this.queue.getJobScheduler(RETENTION_SWEEP)) return 0;
    await this.schedule();
    return 1;
  }

  async process(): Promise<void> {
    await this.retention.sweep();
  }
}
