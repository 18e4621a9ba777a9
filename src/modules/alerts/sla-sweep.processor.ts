import { Inject } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName, QueueProcessor, type JobName } from '../../../libs/jobs';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { StalledApplications } from './stalled-applications.service';

export const SLA_SWEEP: JobName = 'work.sla-sweep';

/**
 * Runs the stalled-application sweep every SLA_SWEEP_INTERVAL_SECONDS. The schedule has a fixed
 * id: any number of workers leave one schedule, and the reconciler declares it again when missing.
 */
@Processor(QueueName.SLA, { autorun: false })
export class SlaSweepProcessor extends QueueProcessor {
  readonly jobNames = [SLA_SWEEP];

  constructor(
    private readonly stalled: StalledApplications,
    @InjectQueue(QueueName.SLA) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  schedule(): Promise<unknown> {
    return this.queue.upsertJobScheduler(
      SLA_SWEEP,
      { every: this.config.jobs.slaSweepIntervalSeconds * 1000 },
      { name: SLA_SWEEP, data: {}, opts: { removeOnComplete: 10, removeOnFail: 10 } },
    );
  }

  override async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    await this.schedule();
  }

  /** Reconciler step: declares the schedule again when Redis lost it; returns 1 when it did. */
  async rebuild(): Promise<number> {
    if (await this.queue.getJobScheduler(SLA_SWEEP)) return 0;
    await this.schedule();
    return 1;
  }

  async process(): Promise<void> {
    await this.stalled.sweep();
  }
}
