import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
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
  @Field(() => Date, {
    nullable: true,
    description:
      'When what it announced was dealt with, by anyone (a waiting stage decision someone acted on); null while it still stands. Clients show it as resolved or hide it (myNotifications(unresolvedOnly: true)).',
  })
  resolvedAt!: Date | null;

  static from(
    notification: Pick<
      Notification,
      'id' | 'kind' | 'subject' | 'body' | 'link' | 'createdAt' | 'readAt' | 'resolvedAt'
    >,
  ): NotificationType {
    return Object.assign(new NotificationType(), {
      id: notification.id,
      kind: notification.kind,
      subject: notification.subject,
      body: notification.body,
      link: notification.link,
      createdAt: notification.createdAt,
      readAt: notification.readAt,
      resolvedAt: notification.resolvedAt,
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

@ObjectType('NotificationPreference', {
  description: 'Whether e-mail is sent for one kind of notification; in-app notifications are always kept.',
})
export class NotificationPreferenceType {
  @Field() kind!: string;
  @Field() email!: boolean;
}

@InputType()
export class NotificationPreferenceInput {
  @Field() @IsString() @MaxLength(64) kind!: string;
  @Field() @IsBoolean() email!: boolean;
}

@InputType()
export class NotificationPreferencesInput {
  @Field(() => [NotificationPreferenceInput])
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceInput)
  preferences!: NotificationPreferenceInput[];
}

@ObjectType('NotificationPreferencesPayload')
export class NotificationPreferencesPayload {
  @Field(() => [NotificationPreferenceType]) preferences!: NotificationPreferenceType[];
}

@InputType()
export class MarkAllNotificationsReadInput {
  @Field(() => Date, { nullable: true, description: 'Only notifications created before this time; all when left out.' })
  @IsOptional()
  @IsDate()
  before?: Date | null;
}

@ObjectType('MarkAllNotificationsReadPayload')
export class MarkAllNotificationsReadPayload {
  @Field(() => Int) marked!: number;
}
