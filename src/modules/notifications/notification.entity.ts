import { Entity, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../../common/base.entity';
import { User } from '../identity';

/** An in-app message to one user. `key` makes sending idempotent (a job may run twice). */
@Entity()
@Index({ properties: ['user', 'readAt', 'createdAt'] })
// Every transition resolves its application's waiting notifications: found by link, among the unresolved.
@Index({
  name: 'notification_unresolved_link',
  expression:
    'create index "notification_unresolved_link" on "notification" ("link", "kind") where "resolved_at" is null',
})
export class Notification extends BaseEntity<'readAt' | 'link' | 'resolvedAt'> {
  @ManyToOne(() => User, { deleteRule: 'cascade' }) user: Rel<User>;
  @Property({ type: 'text', unique: true }) key: string;
  @Property({ type: 'text' }) kind: string;
  @Property({ type: 'text' }) subject: string;
  @Property({ type: 'text' }) body: string;
  /** Id of what it is about (an application, an interview). */
  @Property({ type: 'text', nullable: true }) link: string | null = null;
  @Property({ type: 'timestamptz', nullable: true }) readAt: Date | null = null;
  /** When what it announced was dealt with (a waiting decision someone acted on); null while it still stands. */
  @Property({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null = null;

  constructor(input: { user: User; key: string; kind: string; subject: string; body: string; link?: string | null }) {
    super();
    this.user = input.user;
    this.key = input.key;
    this.kind = input.kind;
    this.subject = input.subject;
    this.body = input.body;
    this.link = input.link ?? null;
  }
}
