import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ALL_ROLES } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { MarkNotificationReadInput, NotificationPayload, NotificationType } from './graphql/notification.type';
import { NotificationsService } from './notifications.service';

@Resolver(() => NotificationType)
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [NotificationType], { description: 'Your latest 200 notifications, newest first.' })
  async myNotifications(
    @CurrentActor() actor: Actor,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly?: boolean,
  ): Promise<NotificationType[]> {
    return (await this.notifications.mine(actor, unreadOnly ?? false)).map((notification) =>
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
}
