import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import type { Notification } from '../notification.entity';

@ObjectType('Notification')
export class NotificationType {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field() subject!: string;
  @Field() body!: string;
  @Field(() => String, { nullable: true, description: 'Id of what it is about (an application, an interview).' })
  link!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;

  static from(notification: Notification): NotificationType {
    return Object.assign(new NotificationType(), {
      id: notification.id,
      kind: notification.kind,
      subject: notification.subject,
      body: notification.body,
      link: notification.link,
      createdAt: notification.createdAt,
      readAt: notification.readAt,
    });
  }
}

@ObjectType('NotificationPayload')
export class NotificationPayload {
  @Field(() => NotificationType) notification!: NotificationType;
}

@InputType()
export class MarkNotificationReadInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a notification id' }) notificationId!: string;
}
