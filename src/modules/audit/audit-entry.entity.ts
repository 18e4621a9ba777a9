import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One line of the audit log: a mutation (with its outcome, failures included) or a read of a
 * candidate's contact details. Append-only: a trigger refuses UPDATE and DELETE (see the
 * migration). Personal values are never stored here, only field names.
 */
@Entity()
@Index({ properties: ['at', 'id'] })
@Index({ properties: ['actorId', 'at'] })
@Index({ properties: ['targetId', 'at'] })
export class AuditEntry {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) at: Date = new Date();
  /** Null for the system (jobs) and for callers not signed in (a failed sign-in). */
  @Property({ type: 'uuid', nullable: true }) actorId: string | null = null;
  /** The mutation's field name (`eraseCandidate`), or `candidate.contact.read`. */
  @Property({ type: 'text' }) action!: string;
  @Property({ type: 'text' }) targetType!: string;
  /** Text, not uuid: a refused call may name something that is not an id. */
  @Property({ type: 'text', nullable: true }) targetId: string | null = null;
  /** `OK` or the error code of the contract. */
  @Property({ type: 'text' }) outcome!: string;
  @Property({ type: 'text', nullable: true }) requestId: string | null = null;
  @Property({ type: 'text', nullable: true }) ip: string | null = null;
  /** The input fields the call set (their names, never their values). */
  @Property({ type: 'text[]', default: '{}' }) fields: string[] = [];
}
