import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/auth/actor';
import { NotFoundException } from '../../common/errors/domain.exception';
import { AccessService, Permission } from '../access';
import { User } from '../identity';
import { Notification } from './notification.entity';

export interface NotificationDraft {
  kind: string;
  subject: string;
  body: string;
  link?: string | null;
}

/** In-app notifications. Sending is part of the caller's transaction and idempotent by key. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
  ) {}

  /** Records one notification per user; a key already sent is skipped. */
  async send(em: EntityManager, userIds: readonly string[], key: string, draft: NotificationDraft): Promise<void> {
    for (const userId of new Set(userIds)) {
      const userKey = `${key}.${userId}`;
      if (await em.findOne(Notification, { key: userKey })) continue;
      em.persist(new Notification({ user: em.getReference(User, userId), key: userKey, ...draft }));
    }
  }

  /** The caller's own notifications, newest first. */
  mine(actor: Actor, unreadOnly: boolean): Promise<Notification[]> {
    return this.em.find(
      Notification,
      {
        user: actor.userId,
        ...(unreadOnly ? { readAt: null } : {}),
        ...this.access.where(actor, Permission.NotificationRead),
      },
      { orderBy: { createdAt: 'desc' }, limit: 200 },
    );
  }

  async markRead(actor: Actor, id: string): Promise<Notification> {
    await this.access.require(actor, Permission.NotificationRead, id);
    const notification = await this.em.findOne(Notification, { id });
    if (!notification) throw new NotFoundException('Notification', id);
    notification.readAt ??= new Date();
    await this.em.flush();
    return notification;
  }
}
