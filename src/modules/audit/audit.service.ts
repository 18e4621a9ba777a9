import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/auth/actor';
import { User, UserType } from '../identity';
import { AccessService, Permission } from '../access';
import { AuditEntry } from './audit-entry.entity';
import type { AuditEntryType, AuditLogFilter } from './graphql/audit.type';

/** An entry to append; `at` and `id` are set on insert. */
export type NewAuditEntry = Pick<AuditEntry, 'action' | 'targetType' | 'outcome'> &
  Partial<Pick<AuditEntry, 'actorId' | 'targetId' | 'requestId' | 'ip' | 'fields'>>;

const MAX_PAGE = 200;

@Injectable()
export class AuditService {
  constructor(
    private readonly orm: MikroORM,
    private readonly access: AccessService,
  ) {}

  /**
   * Appends entries on a pooled connection of their own, never inside the caller's transaction:
   * the entry of a mutation whose transaction rolled back is still written.
   */
  async append(entries: readonly NewAuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const values = entries.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?::text[])').join(', ');
    const params = entries.flatMap((entry) => [
      entry.actorId ?? null,
      entry.action,
      entry.targetType,
      entry.targetId ?? null,
      entry.outcome,
      entry.requestId ?? null,
      entry.ip ?? null,
      randomUUID(),
      `{${(entry.fields ?? []).map((field) => `"${field.replace(/["\\]/g, '')}"`).join(',')}}`,
    ]);
    // Connection-level execute: no transaction context is picked up from the caller.
    await this.orm.em
      .getConnection()
      .execute(
        `insert into audit_entry (actor_id, action, target_type, target_id, outcome, request_id, ip, id, fields) values ${values}`,
        params,
        'run',
      );
  }

  /** Newest first; admins only. */
  async list(actor: Actor, filter: AuditLogFilter): Promise<AuditEntryType[]> {
    await this.access.require(actor, Permission.AuditRead);
    const em = this.orm.em.fork();
    const rows = await em.find(
      AuditEntry,
      {
        ...(filter.before ? { at: { $lt: filter.before } } : {}),
        ...(filter.actorId ? { actorId: filter.actorId } : {}),
        ...(filter.targetId ? { targetId: filter.targetId } : {}),
        ...(filter.action ? { action: filter.action } : {}),
      },
      { orderBy: { at: 'desc', id: 'desc' }, limit: Math.min(Math.max(filter.first ?? 50, 1), MAX_PAGE) },
    );
    const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null))];
    const users = actorIds.length ? await em.find(User, { id: { $in: actorIds } }) : [];
    const byId = new Map(users.map((user) => [user.id, UserType.from(user)]));
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actorId ? (byId.get(row.actorId) ?? null) : null,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      outcome: row.outcome,
      requestId: row.requestId,
    }));
  }
}
