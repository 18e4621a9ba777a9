import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import { InterviewStatus } from '../../../libs/domain';
import { enqueueJob, QueueName, type JobPayloads } from '../../../libs/jobs';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { NotificationsService } from '../notifications';
import { Interview } from './interview.entity';

/** Deterministic id of one reminder: interview, offset, and the interview's sequence (its version). */
export function reminderJobId(interviewId: string, offsetSeconds: number, sequence: number): string {
  return `interview-reminder.${interviewId}.${offsetSeconds}s.${sequence}`;
}

function utc(date: Date): string {
  return `${new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' }).format(date)} UTC`;
}

/**
 * Interview reminders (INTERVIEW_REMINDER_OFFSETS before the start): delayed BullMQ jobs whose ids
 * carry the interview's sequence, so a moved interview gets new ids. PostgreSQL decides which should
 * exist; `sync` and `rebuildInterviewReminders` make Redis match. Worker side only.
 */
@Injectable()
export class InterviewReminders {
  private readonly logger = new Logger(InterviewReminders.name);
  private readonly offsetsSeconds: number[];

  constructor(
    private readonly orm: MikroORM,
    private readonly notifications: NotificationsService,
    @InjectQueue(QueueName.INTERVIEW_REMINDERS) private readonly queue: Queue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.offsetsSeconds = config.jobs.reminderOffsetsMs.map((ms) => Math.round(ms / 1000));
  }

  /**
   * Makes one interview's reminder jobs match it: jobs of earlier sequences are removed (all of
   * them once it is no longer scheduled), and the current ones are added unless already there.
   */
  async sync(interviewId: string): Promise<void> {
    const interview = await this.orm.em.fork().findOne(Interview, interviewId);
    if (!interview) return;
    const keep = interview.status === InterviewStatus.SCHEDULED ? interview.sequence : -1;
    for (const offset of this.offsetsSeconds) {
      for (let sequence = 0; sequence <= interview.sequence; sequence += 1) {
        if (sequence !== keep) await this.queue.remove(reminderJobId(interview.id, offset, sequence));
      }
    }
    if (keep >= 0) await this.addCurrent(interview);
  }

  /**
   * Recreates every pending reminder job from PostgreSQL (after Redis lost data); idempotent: a job
   * that exists is left as it is. Returns how many reminders should be pending.
   */
  async rebuildInterviewReminders(): Promise<number> {
    let pending = 0;
    let after: string | null = null;
    for (;;) {
      const interviews: Interview[] = await this.orm.em.fork().find(
        Interview,
        {
          status: InterviewStatus.SCHEDULED,
          startsAt: { $gt: new Date() },
          ...(after ? { id: { $gt: after } } : {}),
        },
        { orderBy: { id: 'asc' }, limit: 500 },
      );
      for (const interview of interviews) pending += await this.addCurrent(interview);
      if (interviews.length < 500) return pending;
      after = interviews.at(-1)!.id;
    }
  }

  /**
   * Adds the interview's current reminders. One is due when its time was still ahead at the last
   * change of the interview (an offset already past at booking is skipped) and the interview has not
   * started; one whose time passed while Redis was empty runs at once. Same id: BullMQ keeps the
   * existing job.
   */
  private async addCurrent(interview: Interview): Promise<number> {
    const now = Date.now();
    if (interview.startsAt.getTime() <= now) return 0;
    let added = 0;
    for (const offsetSeconds of this.offsetsSeconds) {
      const due = interview.startsAt.getTime() - offsetSeconds * 1000;
      if (due <= interview.updatedAt.getTime()) continue;
      const payload: JobPayloads['scheduling.interview-reminder'] = {
        interviewId: interview.id,
        sequence: interview.sequence,
        offsetSeconds,
      };
      await this.queue.add('scheduling.interview-reminder', payload, {
        jobId: reminderJobId(interview.id, offsetSeconds, interview.sequence),
        delay: Math.max(0, due - now),
      });
      added += 1;
    }
    return added;
  }

  /**
   * Sends one reminder: an INTERVIEW_REMINDER notification to each panelist and the candidate's
   * reminder e-mail, in one transaction. Nothing when the interview changed (another sequence), is
   * no longer scheduled, or has started. Idempotent: the notification key and the mail key repeat.
   */
  async remind(job: JobPayloads['scheduling.interview-reminder']): Promise<boolean> {
    return this.orm.em.fork().transactional(async (em: EntityManager) => {
      const interview = await em.findOne(Interview, job.interviewId, {
        populate: ['application.candidate', 'application.position', 'stage', 'panel.interviewer'],
      });
      if (
        !interview ||
        interview.status !== InterviewStatus.SCHEDULED ||
        interview.sequence !== job.sequence ||
        interview.startsAt.getTime() <= Date.now()
      ) {
        this.logger.log(
          `Reminder ${reminderJobId(job.interviewId, job.offsetSeconds, job.sequence)} is stale; not sent`,
        );
        return false;
      }
      const what = `${interview.stage.name}: ${interview.application.candidate.name} for ${interview.application.position.title}`;
      await this.notifications.send(
        em,
        interview.panel.getItems().map((panelist) => panelist.interviewer.id),
        reminderJobId(interview.id, job.offsetSeconds, interview.sequence),
        {
          kind: 'INTERVIEW_REMINDER',
          subject: what,
          body: `${what} starts ${utc(interview.startsAt)}${interview.location ? `, ${interview.location}` : ''}.`,
          link: interview.id,
        },
      );
      if (!interview.application.candidate.erasedAt) {
        enqueueJob(
          em,
          'mail.candidate-interview',
          {
            interviewId: interview.id,
            sequence: interview.sequence,
            kind: 'REMINDER',
            offsetSeconds: job.offsetSeconds,
          },
          { jobId: `mail-candidate.REMINDER.${interview.id}.${job.offsetSeconds}s.${interview.sequence}` },
        );
      }
      return true;
    });
  }
}
