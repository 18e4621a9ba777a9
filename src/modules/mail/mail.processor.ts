import { Inject, Logger } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Job } from 'bullmq';
import { InterviewStatus } from '../../../libs/domain';
import { MicroBatcher, QueueName, QueueProcessor, type JobPayloads } from '../../../libs/jobs';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notifications';
import { Interview, renderInvite } from '../scheduling';
import { MailDeliveries, type MailIdentity } from './mail-deliveries';
import { notificationUrl, renderCandidateMail, renderNotificationMail } from './mail-templates';
import type { OutgoingMail } from './mail-transport';

/** Notification kinds whose e-mail carries the interview's calendar invite. */
const INVITE_KINDS: ReadonlySet<NotificationKind> = new Set([
  'INTERVIEW_SCHEDULED',
  'INTERVIEW_RESCHEDULED',
  'INTERVIEW_CANCELLED',
]);

const INTERVIEW_GRAPH = ['application.candidate', 'application.position', 'stage', 'panel.interviewer'] as const;

/** Mails sent in one transaction at most (over the transport's pooled connections). */
const MAIL_BATCH = 50;
/** Batches in flight at once, each on a database connection of its own: one composes while another sends. */
const MAIL_BATCHES_IN_FLIGHT = 3;

/** A notification with the user it is for, as read for its e-mail. */
interface NotificationRow {
  id: string;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  user_id: string;
  user_name: string;
  user_email: string;
  user_timezone: string;
  user_deactivated_at: Date | string | null;
}

/** What a candidate's mail says about the interview (the invite, where attached, reads the whole interview). */
interface CandidateInterviewRow {
  id: string;
  status: InterviewStatus;
  sequence: number;
  starts_at: Date | string;
  ends_at: Date | string;
  location: string | null;
  candidate_id: string;
  candidate_name: string;
  candidate_email: string;
  candidate_erased_at: Date | string | null;
  position_title: string;
  stage_name: string;
}

type MailJob = Job<JobPayloads['mail.notification']> | Job<JobPayloads['mail.candidate-interview']>;

function isNotificationJob(job: MailJob): job is Job<JobPayloads['mail.notification']> {
  return job.name === 'mail.notification';
}

/**
 * Sends e-mail, on its own queue so a slow or dead SMTP server delays nothing else. Payloads hold
 * ids only; the addresses and texts are read here. Idempotent through MailDeliveries. The queue
 * runs MAIL_CONCURRENCY jobs at once, sent in batches (MailDeliveries.deliverMany: one transaction
 * per batch); a job completes once its batch committed, and fails alone when its own mail failed.
 */
@Processor(QueueName.MAIL, { autorun: false })
export class MailProcessor extends QueueProcessor {
  readonly jobNames = ['mail.notification', 'mail.candidate-interview'] as const;
  private readonly logger = new Logger(MailProcessor.name);
  private readonly organizer: { name: string; email: string };
  private readonly batcher = new MicroBatcher<MailJob, Error | null>(
    (jobs) => this.sendMany(jobs),
    MAIL_BATCH,
    MAIL_BATCHES_IN_FLIGHT,
  );

  constructor(
    private readonly orm: MikroORM,
    private readonly deliveries: MailDeliveries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
    this.organizer = { name: config.mail.from.name || config.mail.from.address, email: config.mail.from.address };
  }

  override async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    this.worker.concurrency = this.config.worker.mailConcurrency;
  }

  async process(job: Job): Promise<void> {
    const error = await this.batcher.submit(job as MailJob);
    if (error) throw error;
  }

  /**
   * Sends the mails of several jobs in one transaction (MailDeliveries.deliverMany) with a fixed
   * number of queries; returns each job's error (its attempt failed) or null.
   */
  private async sendMany(jobs: MailJob[]): Promise<Array<Error | null>> {
    const em = this.orm.em.fork();
    const notificationIds = jobs.flatMap((job) => (isNotificationJob(job) ? [job.data.notificationId] : []));
    const interviewIds = jobs.flatMap((job) => (isNotificationJob(job) ? [] : [job.data.interviewId]));
    const recipients = new Map<string, string>();
    if (notificationIds.length) {
      const rows = await em.execute<Array<{ id: string; user_id: string }>>(
        `select id, user_id from notification where id in (?)`,
        [[...new Set(notificationIds)]],
      );
      for (const row of rows) recipients.set(row.id, row.user_id);
    }
    if (interviewIds.length) {
      const rows = await em.execute<Array<{ id: string; candidate_id: string }>>(
        `select id, candidate_id from interview where id in (?)`,
        [[...new Set(interviewIds)]],
      );
      for (const row of rows) recipients.set(row.id, row.candidate_id);
    }
    const entries: Array<{ job: MailJob; identity: MailIdentity }> = [];
    const entryOf = jobs.map((job) => {
      if (isNotificationJob(job)) {
        const { notificationId } = job.data;
        const userId = recipients.get(notificationId);
        if (!userId) {
          this.logger.warn(`Notification ${notificationId} is gone; no e-mail sent`);
          return -1;
        }
        return (
          entries.push({
            job,
            identity: { key: `notification.${notificationId}`, recipientType: 'user', recipientId: userId },
          }) - 1
        );
      }
      const { interviewId, sequence, kind, offsetSeconds } = job.data;
      const candidateId = recipients.get(interviewId);
      if (!candidateId) return -1;
      const key = `candidate.${kind}.${interviewId}.${sequence}${kind === 'REMINDER' ? `.${offsetSeconds ?? 0}s` : ''}`;
      return entries.push({ job, identity: { key, recipientType: 'candidate', recipientId: candidateId } }) - 1;
    });
    const outcomes = await this.deliveries.deliverMany(entries, (tx, indexes) =>
      this.compose(
        tx,
        indexes.map((index) => entries[index]!.job),
      ),
    );
    return entryOf.map((index) => (index < 0 ? null : outcomes[index]!.error));
  }

  /**
   * The mails of these jobs as their subjects are now (read in the delivery transaction). The
   * notifications with their users, and the candidates' interviews, are read as plain rows (one
   * query each, no entities); interviews are loaded as entities only where a calendar invite is
   * attached.
   */
  private async compose(em: EntityManager, jobs: MailJob[]): Promise<Array<OutgoingMail | null>> {
    const notificationIds = jobs.flatMap((job) => (isNotificationJob(job) ? [job.data.notificationId] : []));
    const notifications = new Map(
      (notificationIds.length
        ? await em.execute<NotificationRow[]>(
            `select n.id, n.kind, n.subject, n.body, n.link, u.id as user_id, u.name as user_name,
                    u.email as user_email, u.timezone as user_timezone, u.deactivated_at as user_deactivated_at
               from notification n join app_user u on u.id = n.user_id
              where n.id in (?)`,
            [[...new Set(notificationIds)]],
          )
        : []
      ).map((row) => [row.id, row]),
    );
    const candidateIds = new Set(jobs.flatMap((job) => (isNotificationJob(job) ? [] : [job.data.interviewId])));
    const candidateInterviews = new Map(
      (candidateIds.size
        ? await em.execute<CandidateInterviewRow[]>(
            `select i.id, i.status, i.sequence, i.starts_at, i.ends_at, i.location,
                    c.id as candidate_id, c.name as candidate_name, c.email as candidate_email,
                    c.erased_at as candidate_erased_at, p.title as position_title, s.name as stage_name
               from interview i join application a on a.id = i.application_id
               join candidate c on c.id = a.candidate_id join position p on p.id = a.position_id
               join plan_stage s on s.id = i.stage_id
              where i.id in (?)`,
            [[...candidateIds]],
          )
        : []
      ).map((row) => [row.id, row]),
    );
    // Whole interviews only for the mails that carry an invite.
    const inviteIds = new Set(
      jobs.flatMap((job) => (!isNotificationJob(job) && job.data.kind !== 'REMINDER' ? [job.data.interviewId] : [])),
    );
    for (const notification of notifications.values()) {
      if (INVITE_KINDS.has(notification.kind as NotificationKind) && notification.link) {
        inviteIds.add(notification.link);
      }
    }
    const interviews = new Map(
      (inviteIds.size
        ? await em.find(Interview, { id: { $in: [...inviteIds] } }, { populate: INTERVIEW_GRAPH })
        : []
      ).map((interview) => [interview.id, interview]),
    );
    return jobs.map((job) =>
      isNotificationJob(job)
        ? this.notificationMail(notifications.get(job.data.notificationId), interviews)
        : this.candidateMail(
            job.data,
            candidateInterviews.get(job.data.interviewId),
            interviews.get(job.data.interviewId),
          ),
    );
  }

  private notificationMail(
    notification: NotificationRow | undefined,
    interviews: ReadonlyMap<string, Interview>,
  ): OutgoingMail | null {
    if (!notification || notification.user_deactivated_at) return null;
    if (!Object.hasOwn(NOTIFICATION_KINDS, notification.kind)) return null;
    const kind = notification.kind as NotificationKind;
    const userId = notification.user_id;
    const rendered = renderNotificationMail(kind, {
      recipientName: notification.user_name,
      subject: notification.subject,
      body: notification.body,
      url: notificationUrl(kind, notification.link, this.config.http.publicUrl),
    });
    let calendar: OutgoingMail['calendar'] = null;
    if (INVITE_KINDS.has(kind) && notification.link) {
      // The interview as it is now: a later change only raises the invite's SEQUENCE.
      const interview = interviews.get(notification.link);
      if (interview) {
        // Cancelled, or this user was taken off the panel: the event leaves their calendar.
        const takenOff = !interview.panel.getItems().some((panelist) => panelist.interviewer.id === userId);
        calendar = {
          method: interview.status === InterviewStatus.CANCELLED || takenOff ? 'CANCEL' : 'REQUEST',
          content: renderInvite(
            interview,
            { withCandidate: false, showsPanelist: (id) => id === userId, organizer: this.organizer, takenOff },
            notification.user_timezone,
          ),
        };
      }
    }
    return {
      to: { name: notification.user_name, address: notification.user_email },
      recipientLabel: `user ${userId}`,
      ...rendered,
      calendar,
    };
  }

  /** The candidate's invitation, update, cancellation or reminder; never internal notes. */
  private candidateMail(
    { interviewId, sequence, kind }: JobPayloads['mail.candidate-interview'],
    row: CandidateInterviewRow | undefined,
    interview: Interview | undefined,
  ): OutgoingMail | null {
    if (!row || row.candidate_erased_at) return null;
    const cancelled = row.status === InterviewStatus.CANCELLED;
    const startsAt = new Date(row.starts_at);
    // A mail about an interview that changed since is replaced by the mail of that change.
    const current =
      kind === 'CANCELLATION'
        ? cancelled
        : row.status === InterviewStatus.SCHEDULED &&
          row.sequence === sequence &&
          (kind !== 'REMINDER' || startsAt.getTime() > Date.now());
    if (!current) {
      this.logger.log(`Candidate ${kind} mail of interview ${interviewId} (sequence ${sequence}) is stale; not sent`);
      return null;
    }
    // Every kind but the reminder carries the invite, made from the whole interview.
    if (kind !== 'REMINDER' && !interview) return null;
    const rendered = renderCandidateMail(kind, {
      candidateName: row.candidate_name,
      positionTitle: row.position_title,
      stageName: row.stage_name,
      startsAt,
      endsAt: new Date(row.ends_at),
      location: row.location,
      senderName: this.organizer.name,
    });
    return {
      to: { name: row.candidate_name, address: row.candidate_email },
      recipientLabel: `candidate ${row.candidate_id}`,
      ...rendered,
      calendar:
        kind === 'REMINDER' || !interview
          ? null
          : {
              method: cancelled ? 'CANCEL' : 'REQUEST',
              content: renderInvite(interview, {
                withCandidate: true,
                showsPanelist: () => false,
                forCandidate: true,
                organizer: this.organizer,
              }),
            },
    };
  }
}
