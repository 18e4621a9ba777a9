import { Inject, Logger } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Job } from 'bullmq';
import { InterviewStatus } from '../../../libs/domain';
import { QueueName, QueueProcessor, type JobPayloads } from '../../../libs/jobs';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Notification, NOTIFICATION_KINDS, type NotificationKind } from '../notifications';
import { Interview, renderInvite } from '../scheduling';
import { MailDeliveries } from './mail-deliveries';
import { notificationUrl, renderCandidateMail, renderNotificationMail } from './mail-templates';
import type { OutgoingMail } from './mail-transport';

/** Notification kinds whose e-mail carries the interview's calendar invite. */
const INVITE_KINDS: ReadonlySet<NotificationKind> = new Set([
  'INTERVIEW_SCHEDULED',
  'INTERVIEW_RESCHEDULED',
  'INTERVIEW_CANCELLED',
]);

const INTERVIEW_GRAPH = ['application.candidate', 'application.position', 'stage', 'panel.interviewer'] as const;

/**
 * Sends e-mail, on its own queue so a slow or dead SMTP server delays nothing else. Payloads hold
 * ids only; the addresses and texts are read here. Idempotent through MailDeliveries.
 */
@Processor(QueueName.MAIL, { autorun: false })
export class MailProcessor extends QueueProcessor {
  readonly jobNames = ['mail.notification', 'mail.candidate-interview'] as const;
  private readonly logger = new Logger(MailProcessor.name);
  private readonly organizer: { name: string; email: string };

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
    switch (job.name as (typeof this.jobNames)[number]) {
      case 'mail.notification':
        return this.notification(job as Job<JobPayloads['mail.notification']>);
      case 'mail.candidate-interview':
        return this.candidateInterview(job as Job<JobPayloads['mail.candidate-interview']>);
    }
  }

  private async notification(job: Job<JobPayloads['mail.notification']>): Promise<void> {
    const { notificationId } = job.data;
    const head = await this.orm.em.fork().findOne(Notification, notificationId);
    if (!head) {
      this.logger.warn(`Notification ${notificationId} is gone; no e-mail sent`);
      return;
    }
    await this.deliveries.deliverOnce(
      job,
      { key: `notification.${notificationId}`, recipientType: 'user', recipientId: head.user.id },
      async (em) => {
        const notification = await em.findOne(Notification, notificationId, { populate: ['user'] });
        if (!notification || notification.user.deactivatedAt) return null;
        if (!Object.hasOwn(NOTIFICATION_KINDS, notification.kind)) return null;
        const kind = notification.kind as NotificationKind;
        const user = notification.user;
        const rendered = renderNotificationMail(kind, {
          recipientName: user.name,
          subject: notification.subject,
          body: notification.body,
          url: notificationUrl(kind, notification.link, this.config.http.publicUrl),
        });
        let calendar: OutgoingMail['calendar'] = null;
        if (INVITE_KINDS.has(kind) && notification.link) {
          // The interview as it is now: a later change only raises the invite's SEQUENCE.
          const interview = await this.interview(em, notification.link);
          if (interview) {
            // Cancelled, or this user was taken off the panel: the event leaves their calendar.
            const takenOff = !interview.panel.getItems().some((panelist) => panelist.interviewer.id === user.id);
            calendar = {
              method: interview.status === InterviewStatus.CANCELLED || takenOff ? 'CANCEL' : 'REQUEST',
              content: renderInvite(
                interview,
                { withCandidate: false, showsPanelist: (id) => id === user.id, organizer: this.organizer, takenOff },
                user.timezone,
              ),
            };
          }
        }
        return {
          to: { name: user.name, address: user.email },
          recipientLabel: `user ${user.id}`,
          ...rendered,
          calendar,
        };
      },
    );
  }

  /** The candidate's invitation, update, cancellation or reminder; never internal notes. */
  private async candidateInterview(job: Job<JobPayloads['mail.candidate-interview']>): Promise<void> {
    const { interviewId, sequence, kind, offsetSeconds } = job.data;
    const head = await this.interview(this.orm.em.fork(), interviewId);
    if (!head) return;
    const candidate = head.application.candidate;
    const key = `candidate.${kind}.${interviewId}.${sequence}${kind === 'REMINDER' ? `.${offsetSeconds ?? 0}s` : ''}`;
    await this.deliveries.deliverOnce(
      job,
      { key, recipientType: 'candidate', recipientId: candidate.id },
      async (em) => {
        const interview = await this.interview(em, interviewId);
        if (!interview || interview.application.candidate.erasedAt) return null;
        const cancelled = interview.status === InterviewStatus.CANCELLED;
        // A mail about an interview that changed since is replaced by the mail of that change.
        const current =
          kind === 'CANCELLATION'
            ? cancelled
            : interview.status === InterviewStatus.SCHEDULED &&
              interview.sequence === sequence &&
              (kind !== 'REMINDER' || interview.startsAt.getTime() > Date.now());
        if (!current) {
          this.logger.log(
            `Candidate ${kind} mail of interview ${interviewId} (sequence ${sequence}) is stale; not sent`,
          );
          return null;
        }
        const person = interview.application.candidate;
        const rendered = renderCandidateMail(kind, {
          candidateName: person.name,
          positionTitle: interview.application.position.title,
          stageName: interview.stage.name,
          startsAt: interview.startsAt,
          endsAt: interview.endsAt,
          location: interview.location,
          senderName: this.organizer.name,
        });
        return {
          to: { name: person.name, address: person.email },
          recipientLabel: `candidate ${person.id}`,
          ...rendered,
          calendar:
            kind === 'REMINDER'
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
      },
    );
  }

  private interview(em: EntityManager, id: string): Promise<Interview | null> {
    return em.findOne(Interview, id, { populate: INTERVIEW_GRAPH });
  }
}
