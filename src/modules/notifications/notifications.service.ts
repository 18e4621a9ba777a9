import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { enqueueJobs } from '../../../libs/jobs';
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

/** A notification as its owner's list shows it. */
export type ListedNotification = Pick<
  Notification,
  'id' | 'kind' | 'subject' | 'body' | 'link' | 'createdAt' | 'readAt' | 'resolvedAt'
>;

/** One notice to several users: each gets a notification keyed `<key>.<userId>`. */
export interface NoticeToSend {
  userIds: readonly string[];
  key: string;
  draft: NotificationDraft;
}

interface NotificationRow {
  id: string;
  created_at: string;
  user_id: string;
  key: string;
  kind: NotificationKind;
  subject: string;
  body: string;
  link: string | null;
}

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
    await this.sendMany(em, [{ userIds, key, draft }]);
  }

  /**
   * `send` for many notices in a fixed number of queries, whatever their count: one preference
   * read, one multi-row INSERT ... ON CONFLICT (key) DO NOTHING, one outbox insert. The rows are
   * written now, in the caller's transaction; a key that exists (an earlier run of the same job,
   * or a concurrent one, which this waits for) gets neither a row nor an e-mail.
   */
  async sendMany(em: EntityManager, notices: readonly NoticeToSend[]): Promise<number> {
    const rows = new Map<string, NotificationRow>();
    const now = new Date().toISOString();
    for (const { userIds, key, draft } of notices) {
      for (const userId of userIds) {
        const userKey = `${key}.${userId}`;
        rows.set(userKey, {
          id: randomUUID(),
          created_at: now,
          user_id: userId,
          key: userKey,
          kind: draft.kind,
          subject: draft.subject,
          body: draft.body,
          link: draft.link ?? null,
        });
      }
    }
    if (!rows.size) return 0;
    // Pending changes of the caller first (a user created in the same transaction, say).
    await em.flush();
    const values = [...rows.values()];
    const emailOff = await em.execute<Array<{ user_id: string; kind: string }>>(
      `select user_id, kind from notification_preference where email = false and user_id in (?) and kind in (?)`,
      [[...new Set(values.map((row) => row.user_id))], [...new Set(values.map((row) => row.kind))]],
    );
    const off = new Set(emailOff.map((row) => `${row.user_id} ${row.kind}`));
    const inserted = await em.execute<Array<{ id: string; user_id: string; kind: string }>>(
      `insert into notification (id, created_at, updated_at, user_id, key, kind, subject, body, link)
       select n.id, n.created_at, n.created_at, n.user_id, n.key, n.kind, n.subject, n.body, n.link
         from jsonb_to_recordset(?::jsonb) as n(id uuid, created_at timestamptz, user_id uuid, key text,
                                                kind text, subject text, body text, link text)
       on conflict (key) do nothing
       returning id, user_id, kind`,
      [JSON.stringify(values)],
    );
    await enqueueJobs(
      em,
      inserted
        .filter((row) => !off.has(`${row.user_id} ${row.kind}`))
        .map((row) => ({
          jobName: 'mail.notification' as const,
          payload: { notificationId: row.id },
          options: { jobId: `mail-notification.${row.id}` },
        })),
    );
    return inserted.length;
  }

  /**
   * Marks every recipient's unresolved notifications of this kind about `link` resolved, in the
   * caller's transaction (someone acted on the application a "decision waiting" was about).
   */
  async resolve(em: EntityManager, kind: NotificationKind, link: string, at: Date = new Date()): Promise<number> {
    return em.nativeUpdate(Notification, { kind, link, resolvedAt: null }, { resolvedAt: at });
  }

  /** The caller's own notifications, newest first (the latest 200), as plain rows: a list of 200 costs no entities. */
  mine(actor: Actor, unreadOnly: boolean, unresolvedOnly = false): Promise<ListedNotification[]> {
    return this.em
      .createQueryBuilder(Notification)
      .select(['id', 'kind', 'subject', 'body', 'link', 'createdAt', 'readAt', 'resolvedAt'])
      .where({
        user: actor.userId,
        ...(unreadOnly ? { readAt: null } : {}),
        ...(unresolvedOnly ? { resolvedAt: null } : {}),
        ...this.access.where(actor, Permission.NotificationRead),
      })
      .orderBy({ createdAt: 'desc', id: 'asc' })
      .limit(200)
      .execute<ListedNotification[]>('all', true);
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
