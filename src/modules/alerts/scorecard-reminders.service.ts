import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import { InterviewStatus } from '../../../libs/domain';
import { enqueueJob, type JobName } from '../../../libs/jobs';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { NotificationsService } from '../notifications';
import type { Interview } from '../scheduling';
import { SCORECARDS_OWED_SQL } from '../work-queue';

export const SCORECARD_REMIND: JobName = 'scorecards.remind';

/** The reminder round that also alerts the hiring manager and the recruiters: the first after two reminders. */
export const ESCALATION_ROUND = 3;

/** A reminder that runs earlier than this before its time waits for its time instead. */
const EARLY_TOLERANCE_MS = 1000;

interface OwedRow {
  interview_id: string;
  position_id: string;
  due_at: Date;
  unsubmitted: string[];
}

interface ReminderRow extends OwedRow {
  application_id: string;
  candidate_name: string;
  stage_name: string;
  hiring_manager_id: string;
  recruiters: string[];
}

export interface ReminderOutcome {
  /** Panelists reminded in this round (none when everyone has submitted or it was sent before). */
  reminded: string[];
  escalated: boolean;
  /** The next round, when one was scheduled. */
  next: { round: number; runAt: Date } | null;
}

/** Deterministic id of reminder `round` of an interview. */
export function scorecardReminderJobId(interviewId: string, round: number): string {
  return `scorecard-reminder.${interviewId}.${round}`;
}

/**
 * Scorecard reminders and escalation (docs/domain.md#scorecard-reminders-and-escalation). Every
 * panelist of a COMPLETED interview owes a scorecard by interview end + the stage's
 * feedbackDueHours. Reminder 1 goes at that time to the panelists who have not submitted, reminder
 * n at due + (n - 1) x SCORECARD_REMINDER_INTERVAL, and never sooner than one interval after the
 * previous one (a worker that was down sends one reminder, not a burst); reminder 3 (nobody submitted after two) also
 * alerts the hiring manager and the recruiters, once. PostgreSQL decides: each round re-reads who
 * still owes a card, and notification keys make a round sent twice send nothing more.
 */
@Injectable()
export class ScorecardReminders {
  private readonly logger = new Logger(ScorecardReminders.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** When reminder `round` goes out for a card due at `dueAt`. */
  runAt(dueAt: Date, round: number): Date {
    return new Date(dueAt.getTime() + (round - 1) * this.config.jobs.scorecardReminderIntervalMs);
  }

  /** Schedules reminder 1 of an interview just completed, in the caller's transaction. */
  scheduleFirst(em: EntityManager, interview: Interview): void {
    if (interview.status !== InterviewStatus.COMPLETED) return;
    const dueAt = new Date(interview.endsAt.getTime() + interview.stage.feedbackDueHours * 3_600_000);
    enqueueJob(
      em,
      'scorecards.remind',
      { interviewId: interview.id, round: 1 },
      { jobId: scorecardReminderJobId(interview.id, 1), runAt: dueAt },
    );
  }

  /** Sends reminder `round` of an interview (idempotent) and schedules the next one while a card is owed. */
  async remind(interviewId: string, round: number, now = new Date()): Promise<ReminderOutcome> {
    return this.orm.em.fork().transactional(async (em) => {
      // One round of one interview at a time, whichever worker runs it.
      await em.execute('select id from interview where id = ? for update', [interviewId]);
      const [row] = await em.execute<ReminderRow[]>(
        `select o.*, c.name as candidate_name, st.name as stage_name, p.hiring_manager_id,
            array(select pr.user_id from position_recruiter pr where pr.position_id = o.position_id) as recruiters
          from (${SCORECARDS_OWED_SQL} and i.id = ?) o
          join interview iv on iv.id = o.interview_id join plan_stage st on st.id = iv.stage_id
          join application ap on ap.id = o.application_id join candidate c on c.id = ap.candidate_id
          join position p on p.id = o.position_id`,
        [interviewId],
      );
      // Everyone submitted, or the interview or its application is no longer live: nothing to chase.
      if (!row) return { reminded: [], escalated: false, next: null };
      const dueAt = new Date(row.due_at);
      const time = this.runAt(dueAt, round);
      if (time.getTime() - now.getTime() > EARLY_TOLERANCE_MS) {
        // Early (the stage's feedbackDueHours changed since): run at the right time instead.
        this.enqueue(em, interviewId, round, time);
        return { reminded: [], escalated: false, next: { round, runAt: time } };
      }
      const overdue = round > 1 ? 'overdue' : 'due';
      await this.notifications.send(em, row.unsubmitted, `scorecard-due.${interviewId}.${round}`, {
        kind: 'SCORECARD_DUE',
        subject: `Scorecard ${overdue}: ${row.candidate_name}, ${row.stage_name}`,
        body:
          round === 1
            ? `Your scorecard for ${row.candidate_name} (${row.stage_name}) is due now. Please submit it.`
            : `Your scorecard for ${row.candidate_name} (${row.stage_name}) was due on ${dueAt.toISOString()}. ` +
              `This is reminder ${round}.`,
        link: interviewId,
      });
      const escalated = round >= ESCALATION_ROUND;
      if (escalated) {
        await this.notifications.send(
          em,
          [row.hiring_manager_id, ...row.recruiters],
          `scorecard-escalation.${interviewId}`,
          {
            kind: 'SCORECARD_ESCALATION',
            subject: `Scorecards overdue: ${row.candidate_name}, ${row.stage_name}`,
            body:
              `${row.unsubmitted.length} panelist(s) have not submitted their scorecard after two reminders; ` +
              `it was due on ${dueAt.toISOString()}.`,
            link: interviewId,
          },
        );
      }
      // A worker that was down catches up with one reminder, then keeps the interval.
      const interval = this.config.jobs.scorecardReminderIntervalMs;
      const next = { round: round + 1, runAt: later(this.runAt(dueAt, round + 1), now.getTime() + interval) };
      this.enqueue(em, interviewId, next.round, next.runAt);
      return { reminded: row.unsubmitted, escalated, next };
    });
  }

  private enqueue(em: EntityManager, interviewId: string, round: number, runAt: Date): void {
    enqueueJob(
      em,
      'scorecards.remind',
      { interviewId, round },
      { jobId: scorecardReminderJobId(interviewId, round), runAt },
    );
  }

  /**
   * Reconciler step: for every interview that still owes a card, puts its next reminder in Redis
   * unless a job with that id is already there. The next round is the one after the last round
   * sent (notification keys `scorecard-due.<interview>.<round>.<user>`). Returns how many were added.
   */
  async rebuild(queue: Queue): Promise<number> {
    const rows = await this.orm.em.fork().execute<Array<OwedRow & { last_round: number; last_sent_at: Date | null }>>(
      // One pass over the reminders sent (a hash join on the interview id), not a pattern per interview.
      `select o.interview_id, o.due_at, coalesce(n.last_round, 0) as last_round, n.last_sent_at
        from (${SCORECARDS_OWED_SQL}) o
        left join (select split_part(key, '.', 2) as interview_id, max(split_part(key, '.', 3)::int) as last_round,
            max(created_at) as last_sent_at
          from notification where kind = 'SCORECARD_DUE' and key like 'scorecard-due.%' group by 1) n
          on n.interview_id = o.interview_id::text`,
    );
    const interval = this.config.jobs.scorecardReminderIntervalMs;
    let added = 0;
    for (let start = 0; start < rows.length; start += 500) {
      const jobs = rows.slice(start, start + 500).map((row) => {
        const round = Number(row.last_round) + 1;
        // As `remind` schedules it: on its time, but at least one interval after the last round sent.
        const last = row.last_sent_at ? new Date(row.last_sent_at).getTime() + interval : 0;
        const delay = Math.max(0, later(this.runAt(new Date(row.due_at), round), last).getTime() - Date.now());
        return {
          name: SCORECARD_REMIND,
          data: { interviewId: row.interview_id, round },
          opts: { jobId: scorecardReminderJobId(row.interview_id, round), delay },
        };
      });
      added += await addMissing(queue, jobs);
    }
    if (added) this.logger.log(`Reconciler re-created ${added} scorecard reminder(s)`);
    return added;
  }
}

function later(time: Date, atLeast: number): Date {
  return new Date(Math.max(time.getTime(), atLeast));
}

/** Adds the jobs whose id is not in Redis yet; returns how many it added. */
export async function addMissing(
  queue: Queue,
  jobs: Array<{ name: string; data: object; opts: { jobId: string; delay?: number } }>,
): Promise<number> {
  const present = await Promise.all(jobs.map((job) => queue.getJobState(job.opts.jobId)));
  const missing = jobs.filter((_, index) => present[index] === 'unknown');
  if (missing.length) await queue.addBulk(missing);
  return missing.length;
}
