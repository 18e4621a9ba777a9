import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MailDeliveryStatus } from '../mail-delivery.entity';
import type { MailDelivery } from '../mail-delivery.entity';

registerEnumType(MailDeliveryStatus, {
  name: 'MailDeliveryStatus',
  description: 'Where one e-mail stands.',
  valuesMap: {
    SENT: { description: 'Handed to the SMTP server.' },
    LOGGED: { description: 'SMTP_URL is not set: written to the log instead of sent.' },
    RETRYING: { description: 'The last attempt failed; it is tried again with backoff.' },
    DEAD: { description: 'Every attempt failed (dead letter); nothing retries it.' },
  },
});

@ObjectType('MailDelivery', {
  description: 'One e-mail the service sent or tried to send. It names the recipient by id, never by address.',
})
export class MailDeliveryType {
  @Field(() => ID, { description: 'The delivery record: one per e-mail, whatever the number of attempts.' })
  id!: string;
  @Field({
    description:
      'What the e-mail is, unique per e-mail, e.g. notification.<id> or candidate.INVITATION.<interview id>.<sequence>.',
  })
  key!: string;
  @Field({ description: 'The job that sends it, e.g. mail.notification.' }) jobName!: string;
  @Field({ description: 'Who it is for: `user` or `candidate`.' }) recipientType!: string;
  @Field(() => ID, { description: 'Id of the user or candidate it is for.' }) recipientId!: string;
  @Field(() => MailDeliveryStatus, { description: 'Where it stands: sent, logged, retrying or dead.' })
  status!: MailDeliveryStatus;
  @Field(() => Int, { description: 'Attempts made so far.' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed (addresses removed).' })
  lastError!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was sent or logged.' }) sentAt!: Date | null;
  @Field({ description: 'When it was first tried.' }) createdAt!: Date;
  @Field({ description: 'When its status last changed.' }) updatedAt!: Date;

  static from(delivery: MailDelivery): MailDeliveryType {
    return Object.assign(new MailDeliveryType(), {
      id: delivery.id,
      key: delivery.key,
      jobName: delivery.jobName,
      recipientType: delivery.recipientType,
      recipientId: delivery.recipientId,
      status: delivery.status,
      attempts: delivery.attempts,
      lastError: delivery.lastError,
      sentAt: delivery.sentAt,
      createdAt: delivery.createdAt,
      updatedAt: delivery.updatedAt,
    });
  }
}
