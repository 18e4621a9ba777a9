import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { QueueName, QueueProcessor, type JobPayloads } from '../../../libs/jobs';
import { ScorecardReminders } from './scorecard-reminders.service';

/** Runs `scorecards.remind`: one round of reminders for one completed interview. */
@Processor(QueueName.SCORECARD_REMINDERS, { autorun: false })
export class ScorecardReminderProcessor extends QueueProcessor {
  readonly jobNames = ['scorecards.remind'] as const;

  constructor(
    private readonly reminders: ScorecardReminders,
    @InjectQueue(QueueName.SCORECARD_REMINDERS) private readonly queue: Queue,
  ) {
    super();
  }

  async process(job: Job<JobPayloads['scorecards.remind']>): Promise<void> {
    await this.reminders.remind(job.data.interviewId, job.data.round);
  }

  /** Reconciler step: the pending reminder of every interview that still owes a card. */
  rebuild(): Promise<number> {
    return this.reminders.rebuild(this.queue);
  }
}
