import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import { InterviewStatus } from '../../../libs/domain';
import { enqueueJobs, QueueName, type JobPayloads, type OutboxEntry } from '../../../libs/jobs';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { NotificationsService, type NoticeToSend } from '../notifications';
import { Interview } from './interview.entity';

/** Deterministic id of one reminder: interview, offset, and the interview's sequence (its version). */
export function reminderJobId(interviewId: string, offsetSeconds: number, sequence: number): string {
  return `interview-reminder.${interviewId}.${offsetSeconds}s.${sequence}`;
}

interface ReminderJob {
  name: 'scheduling.interview-reminder';
  data: JobPayloads['scheduling.interview-reminder'];
  opts: { jobId: string; delay: number };
}

type ReminderPayload = JobPayloads['scheduling.interview-reminder'];

/** What a reminder needs of its interview, read for a whole batch in one query. */
interface ReminderRow {
  id: string;
  status: InterviewStatus;
  sequence: number;
  starts_at: Date;
  location: string | null;
  stage_name: string;
  candidate_name: string;
  erased: boolean;
  position_title: string;
  panel: string[];
}

/** Made once: building an Intl formatter costs more than formatting with it. */
const UTC_FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' });

function utc(date: Date): string {
  return `${UTC_FORMAT.format(date)} UTC`;
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
    if (keep >= 0) await this.add(this.currentJobs(interview));
  }

  /**
   * Of these interviews' reminders, the ids (reminderJobId) of those already sent: their
   * notifications exist, and they were written in the transaction that enqueued the candidate's mail.
   */
  private async sentReminders(em: EntityManager, interviewIds: readonly string[]): Promise<Set<string>> {
    if (!interviewIds.length) return new Set();
    // `resolved_at is null` lets the partial index on (link, kind) serve; reminders are never resolved.
    const rows = await em.execute<Array<{ key: string }>>(
      `select key from notification where kind = 'INTERVIEW_REMINDER' and resolved_at is null and link in (?)`,
      [[...new Set(interviewIds)]],
    );
    // A notification's key is `<reminderJobId>.<userId>`.
    return new Set(rows.map((row) => row.key.slice(0, row.key.lastIndexOf('.'))));
  }

  /**
   * Recreates every pending reminder job from PostgreSQL (after Redis lost data); idempotent: a job
   * that exists is left as it is, a reminder already sent is not added. Returns how many reminders
   * should be pending.
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
      // A reminder already sent is not pending: adding it again (its completed job may have been
      // trimmed from Redis) would only make it run again for nothing.
      const sent = await this.sentReminders(
        this.orm.em.fork(),
        interviews.map((interview) => interview.id),
      );
      // One pipelined addBulk per page, not a round trip per job.
      const jobs = interviews
        .flatMap((interview) => this.currentJobs(interview))
        .filter((job) => !sent.has(job.opts.jobId));
      await this.add(jobs);
      pending += jobs.length;
      if (interviews.length < 500) return pending;
      after = interviews.at(-1)!.id;
    }
  }

  /**
   * The interview's current reminder jobs. One is due when its time was still ahead at the last
   * change of the interview (an offset already past at booking is skipped) and the interview has not
   * started; one whose time passed while Redis was empty runs at once.
   */
  private currentJobs(interview: Interview): ReminderJob[] {
    const now = Date.now();
    if (interview.startsAt.getTime() <= now) return [];
    const jobs: ReminderJob[] = [];
    for (const offsetSeconds of this.offsetsSeconds) {
      const due = interview.startsAt.getTime() - offsetSeconds * 1000;
      if (due <= interview.updatedAt.getTime()) continue;
      jobs.push({
        name: 'scheduling.interview-reminder',
        data: { interviewId: interview.id, sequence: interview.sequence, offsetSeconds },
        opts: {
          jobId: reminderJobId(interview.id, offsetSeconds, interview.sequence),
          delay: Math.max(0, due - now),
        },
      });
    }
    return jobs;
  }

  /** Adds the jobs; one whose id exists is kept as it is (BullMQ's rule for a duplicate id). */
  private async add(jobs: ReminderJob[]): Promise<void> {
    if (jobs.length) await this.queue.addBulk(jobs);
  }

  /** Sends one reminder (see remindMany); true when it was current and sent. */
  async remind(job: ReminderPayload): Promise<boolean> {
    return (await this.remindMany([job]))[0]!;
  }

  /**
   * Sends due reminders, in one transaction with a fixed number of queries whatever their count:
   * for each, an INTERVIEW_REMINDER notification to each panelist and the candidate's reminder
   * e-mail. A reminder whose interview changed (another sequence), is no longer scheduled or has
   * started is not sent (false). Idempotent: the notification keys and the mail keys repeat, so a
   * reminder delivered twice, or in two batches at once, is sent once.
   */
  async remindMany(jobs: readonly ReminderPayload[]): Promise<boolean[]> {
    return this.orm.em.fork().transactional(async (em: EntityManager) => {
      const rows = await em.execute<ReminderRow[]>(
        `select i.id, i.status, i.sequence, i.starts_at, i.location, s.name as stage_name,
                c.name as candidate_name, c.erased_at is not null as erased, p.title as position_title,
                coalesce((select array_agg(ip.interviewer_id order by ip.id) from interview_panelist ip
                           where ip.interview_id = i.id), '{}') as panel
           from interview i
           join application a on a.id = i.application_id
           join candidate c on c.id = a.candidate_id
           join position p on p.id = a.position_id
           join plan_stage s on s.id = i.stage_id
          where i.id in (?)`,
        [[...new Set(jobs.map((job) => job.interviewId))]],
      );
      const interviews = new Map(rows.map((row) => [row.id, row]));
      const sentBefore = await this.sentReminders(em, [...interviews.keys()]);
      const now = Date.now();
      const notices: NoticeToSend[] = [];
      const mails = new Map<string, OutboxEntry<'mail.candidate-interview'>>();
      const sent = jobs.map((job) => {
        const interview = interviews.get(job.interviewId);
        if (
          !interview ||
          interview.status !== InterviewStatus.SCHEDULED ||
          interview.sequence !== job.sequence ||
          new Date(interview.starts_at).getTime() <= now
        ) {
          this.logger.log(
            `Reminder ${reminderJobId(job.interviewId, job.offsetSeconds, job.sequence)} is stale; not sent`,
          );
          return false;
        }
        // Sent by an earlier run of this job: its mail job was enqueued with the notifications.
        if (sentBefore.has(reminderJobId(interview.id, job.offsetSeconds, interview.sequence))) return true;
        const startsAt = new Date(interview.starts_at);
        const what = `${interview.stage_name}: ${interview.candidate_name} for ${interview.position_title}`;
        notices.push({
          userIds: interview.panel,
          key: reminderJobId(interview.id, job.offsetSeconds, interview.sequence),
          draft: {
            kind: 'INTERVIEW_REMINDER',
            subject: what,
            body: `${what} starts ${utc(startsAt)}${interview.location ? `, ${interview.location}` : ''}.`,
            link: interview.id,
          },
        });
        if (!interview.erased) {
          const jobId = `mail-candidate.REMINDER.${interview.id}.${job.offsetSeconds}s.${interview.sequence}`;
          mails.set(jobId, {
            jobName: 'mail.candidate-interview',
            payload: {
              interviewId: interview.id,
              sequence: interview.sequence,
              kind: 'REMINDER',
              offsetSeconds: job.offsetSeconds,
            },
            options: { jobId },
          });
        }
        return true;
      });
      await this.notifications.sendMany(em, notices);
      await enqueueJobs(em, [...mails.values()]);
      return sent;
    });
  }
}
