import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ALL_ROLES } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import {
  MarkAllNotificationsReadInput,
  MarkAllNotificationsReadPayload,
  MarkNotificationReadInput,
  NotificationPayload,
  NotificationPreferencesInput,
  NotificationPreferencesPayload,
  NotificationPreferenceType,
  NotificationType,
} from './graphql/notification.type';
import { NotificationsService } from './notifications.service';

@Resolver(() => NotificationType)
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [NotificationType], { description: 'Your latest 200 notifications, newest first.' })
  async myNotifications(
    @CurrentActor() actor: Actor,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly?: boolean,
    @Args('unresolvedOnly', {
      type: () => Boolean,
      nullable: true,
      description:
        'Leave out notifications whose subject was dealt with (resolvedAt set, e.g. a decision someone already took); default false.',
    })
    unresolvedOnly?: boolean,
  ): Promise<NotificationType[]> {
    return (await this.notifications.mine(actor, unreadOnly ?? false, unresolvedOnly ?? false)).map((notification) =>
      NotificationType.from(notification),
    );
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => NotificationPayload)
  async markNotificationRead(
    @CurrentActor() actor: Actor,
    @Args('input') input: MarkNotificationReadInput,
  ): Promise<NotificationPayload> {
    return { notification: NotificationType.from(await this.notifications.markRead(actor, input.notificationId)) };
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => MarkAllNotificationsReadPayload)
  async markAllNotificationsRead(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => MarkAllNotificationsReadInput, nullable: true }) input?: MarkAllNotificationsReadInput,
  ): Promise<MarkAllNotificationsReadPayload> {
    return { marked: await this.notifications.markAllRead(actor, input?.before ?? null) };
  }

  @Roles(...ALL_ROLES)
  @Query(() => [NotificationPreferenceType], {
    description: 'Whether you get e-mail for each notification kind (in-app notifications are always kept).',
  })
  async myNotificationPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreferenceType[]> {
    return actor.userId ? this.notifications.preferences(actor.userId) : [];
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => NotificationPreferencesPayload)
  async updateMyNotificationPreferences(
    @CurrentActor() actor: Actor,
    @Args('input') input: NotificationPreferencesInput,
  ): Promise<NotificationPreferencesPayload> {
    return { preferences: await this.notifications.updatePreferences(actor, input.preferences) };
  }
}
