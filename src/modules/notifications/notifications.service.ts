import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { enqueueJob } from '../../../libs/jobs';
import type { Actor } from '../../common/auth/actor';
import { BadUserInputException, NotFoundException } from '../../common/errors/domain.exception';
import { AccessService, Permission } from '../access';
import { User } from '../identity';
import { Notification } from './notification.entity';
import {
  isNotificationKind,
  NOTIFICATION_KIND_NAMES,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from './notification-kinds';
import { NotificationPreference } from './notification-preference.entity';

export interface NotificationDraft {
  kind: NotificationKind;
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

  /**
   * Records one notification per user; a key already sent is skipped. For each new one whose user
   * wants e-mail for its kind, a `mail.notification` job is enqueued in the same transaction
   * (through the outbox: it reaches Redis only if the caller commits).
   */
  async send(em: EntityManager, userIds: readonly string[], key: string, draft: NotificationDraft): Promise<void> {
    for (const userId of new Set(userIds)) {
      const userKey = `${key}.${userId}`;
      if (await em.findOne(Notification, { key: userKey })) continue;
      const notification = new Notification({ user: em.getReference(User, userId), key: userKey, ...draft });
      em.persist(notification);
      if (await this.wantsEmail(em, userId, draft.kind)) {
        enqueueJob(
          em,
          'mail.notification',
          { notificationId: notification.id },
          { jobId: `mail-notification.${notification.id}` },
        );
      }
    }
  }

  /**
   * Marks every recipient's unresolved notifications of this kind about `link` resolved, in the
   * caller's transaction (someone acted on the application a "decision waiting" was about).
   */
  async resolve(em: EntityManager, kind: NotificationKind, link: string, at: Date = new Date()): Promise<number> {
    return em.nativeUpdate(Notification, { kind, link, resolvedAt: null }, { resolvedAt: at });
  }

  /** The caller's own notifications, newest first. */
  mine(actor: Actor, unreadOnly: boolean, unresolvedOnly = false): Promise<Notification[]> {
    return this.em.find(
      Notification,
      {
        user: actor.userId,
        ...(unreadOnly ? { readAt: null } : {}),
        ...(unresolvedOnly ? { resolvedAt: null } : {}),
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

  /** Marks the caller's unread notifications (created before `before`, when given) read; returns how many. */
  async markAllRead(actor: Actor, before?: Date | null): Promise<number> {
    if (!actor.userId) return 0;
    return this.em.nativeUpdate(
      Notification,
      { user: actor.userId, readAt: null, ...(before ? { createdAt: { $lt: before } } : {}) },
      { readAt: new Date() },
    );
  }

  /** Every notification kind with whether the user gets it by e-mail (yes unless turned off). */
  async preferences(
    userId: string,
    em: EntityManager = this.em,
  ): Promise<Array<{ kind: NotificationKind; email: boolean }>> {
    const rows = await em.find(NotificationPreference, { user: userId });
    const off = new Set(rows.filter((row) => !row.email).map((row) => row.kind));
    return NOTIFICATION_KIND_NAMES.map((kind) => ({ kind, email: !off.has(kind) }));
  }

  /** Sets e-mail on or off per kind; an unknown kind refuses the whole change. */
  async updatePreferences(
    actor: Actor,
    preferences: ReadonlyArray<{ kind: string; email: boolean }>,
  ): Promise<Array<{ kind: NotificationKind; email: boolean }>> {
    if (!actor.userId) throw new BadUserInputException('Only a signed-in user has notification preferences.', {});
    const userId = actor.userId;
    preferences.forEach((preference, index) => {
      if (!isNotificationKind(preference.kind)) {
        throw new BadUserInputException(`"${preference.kind.slice(0, 64)}" is not a notification kind.`, {
          [`preferences.${index}.kind`]: `must be one of ${Object.keys(NOTIFICATION_KINDS).join(', ')}`,
        });
      }
    });
    return this.em.transactional(async (em) => {
      for (const { kind, email } of preferences) {
        const row = await em.findOne(NotificationPreference, { user: userId, kind });
        if (row) row.email = email;
        else em.persist(new NotificationPreference({ user: em.getReference(User, userId), kind, email }));
      }
      await em.flush();
      return this.preferences(userId, em);
    });
  }

  /** Whether a user gets e-mail for a kind. */
  async wantsEmail(em: EntityManager, userId: string, kind: NotificationKind): Promise<boolean> {
    const row = await em.findOne(NotificationPreference, { user: userId, kind });
    return row?.email ?? true;
  }
}
