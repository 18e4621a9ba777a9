import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../common/base.entity';

export enum MailDeliveryStatus {
  /** Handed to the SMTP server. */
  SENT = 'SENT',
  /** SMTP_URL is not set: written to the log instead of sent. */
  LOGGED = 'LOGGED',
  /** The last attempt failed; BullMQ tries again with backoff. */
  RETRYING = 'RETRYING',
  /** Every attempt failed (dead letter); an admin sees it in `mailDeliveries`. */
  DEAD = 'DEAD',
}

/**
 * One e-mail, recorded under a unique key (what it is and for whom). The processor locks this row
 * while it sends, so a job delivered twice, or by two workers at once, sends one e-mail. Holds ids,
 * never an address.
 */
@Entity()
@Index({ properties: ['status', 'updatedAt'] })
export class MailDelivery extends BaseEntity<'attempts' | 'lastError' | 'sentAt'> {
  /** e.g. `notification.<notificationId>`, `candidate.INVITATION.<interviewId>.<sequence>`. */
  @Property({ type: 'text', unique: true }) key: string;
  /** The job that sends it (`mail.notification`, ...). */
  @Property({ type: 'text' }) jobName: string;
  /** `user` or `candidate`. */
  @Property({ type: 'text' }) recipientType: string;
  @Property({ type: 'uuid' }) recipientId: string;
  @Enum({ items: () => MailDeliveryStatus, nativeEnumName: 'mail_delivery_status' }) status: MailDeliveryStatus;
  @Property({ type: 'int', default: 0 }) attempts: number = 0;
  /** The SMTP error of the last failed attempt, addresses removed. */
  @Property({ type: 'text', nullable: true }) lastError: string | null = null;
  @Property({ type: 'timestamptz', nullable: true }) sentAt: Date | null = null;

  constructor(input: {
    key: string;
    jobName: string;
    recipientType: 'user' | 'candidate';
    recipientId: string;
    status: MailDeliveryStatus;
  }) {
    super();
    this.key = input.key;
    this.jobName = input.jobName;
    this.recipientType = input.recipientType;
    this.recipientId = input.recipientId;
    this.status = input.status;
  }
}
