import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, QueueProcessor, type JobPayloads } from '../../../libs/jobs';
import { InterviewReminders } from './interview-reminders';

/** Keeps reminder jobs in line with their interviews and sends the reminders that come due. */
@Processor(QueueName.INTERVIEW_REMINDERS, { autorun: false })
export class InterviewReminderProcessor extends QueueProcessor {
  readonly jobNames = ['scheduling.sync-interview-reminders', 'scheduling.interview-reminder'] as const;

  constructor(private readonly reminders: InterviewReminders) {
    super();
  }

  async process(job: Job): Promise<void> {
    if (job.name === 'scheduling.sync-interview-reminders') {
      await this.reminders.sync((job.data as JobPayloads['scheduling.sync-interview-reminders']).interviewId);
    } else {
      await this.reminders.remind(job.data as JobPayloads['scheduling.interview-reminder']);
    }
  }
}
