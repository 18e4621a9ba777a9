import { Inject, Logger } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Job } from 'bullmq';
import { QueueName, QueueProcessor, type JobPayloads } from '../../../libs/jobs';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Notification, NOTIFICATION_KINDS, type NotificationKind } from '../notifications';
import { MailDeliveries } from './mail-deliveries';
import { notificationUrl, renderNotificationMail } from './mail-templates';

/**
 * Sends e-mail, on its own queue so a slow or dead SMTP server delays nothing else. Payloads hold
 * ids only; the addresses and texts are read here. Idempotent through MailDeliveries.
 */
@Processor(QueueName.MAIL, { autorun: false })
export class MailProcessor extends QueueProcessor {
  readonly jobNames = ['mail.notification'] as const;
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly deliveries: MailDeliveries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job): Promise<void> {
    switch (job.name as (typeof this.jobNames)[number]) {
      case 'mail.notification':
        return this.notification(job as Job<JobPayloads['mail.notification']>);
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
        const rendered = renderNotificationMail(kind, {
          recipientName: notification.user.name,
          subject: notification.subject,
          body: notification.body,
          url: notificationUrl(kind, notification.link, this.config.mail.publicUrl),
        });
        return {
          to: { name: notification.user.name, address: notification.user.email },
          recipientLabel: `user ${notification.user.id}`,
          ...rendered,
        };
      },
    );
  }
}
