import { Inject } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { MicroBatcher, QueueName, QueueProcessor, type JobPayloads } from '../../../libs/jobs';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { InterviewReminders } from './interview-reminders';

/** Reminders sent in one transaction at most. */
const REMINDER_BATCH = 200;
/** Batches in flight at once (each on a database connection of its own). */
const REMINDER_BATCHES_IN_FLIGHT = 2;

/**
 * Keeps reminder jobs in line with their interviews and sends the reminders that come due. The
 * queue runs INTERVIEW_REMINDER_CONCURRENCY jobs at once; the due reminders among them go out in
 * batches (remindMany: one transaction and a fixed number of queries per batch). A job completes
 * only once its batch committed, so a crash mid-batch leaves its jobs to run again (idempotently).
 */
@Processor(QueueName.INTERVIEW_REMINDERS, { autorun: false })
export class InterviewReminderProcessor extends QueueProcessor {
  readonly jobNames = ['scheduling.sync-interview-reminders', 'scheduling.interview-reminder'] as const;
  private readonly batcher: MicroBatcher<JobPayloads['scheduling.interview-reminder'], boolean>;

  constructor(
    private readonly reminders: InterviewReminders,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
    this.batcher = new MicroBatcher(
      (jobs) => this.reminders.remindMany(jobs),
      REMINDER_BATCH,
      REMINDER_BATCHES_IN_FLIGHT,
    );
  }

  override async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    this.worker.concurrency = this.config.worker.interviewReminderConcurrency;
  }

  async process(job: Job): Promise<void> {
    if (job.name === 'scheduling.sync-interview-reminders') {
      await this.reminders.sync((job.data as JobPayloads['scheduling.sync-interview-reminders']).interviewId);
    } else {
      await this.batcher.submit(job.data as JobPayloads['scheduling.interview-reminder']);
    }
  }
}
