import { Entity, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../../common/base.entity';
import { User } from '../identity';

/** Whether one user gets e-mail for one notification kind; no row means yes. */
@Entity()
@Unique({ properties: ['user', 'kind'] })
export class NotificationPreference extends BaseEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' }) user: Rel<User>;
  @Property({ type: 'text' }) kind: string;
  @Property({ type: 'boolean' }) email: boolean;

  constructor(input: { user: User; kind: string; email: boolean }) {
    super();
    this.user = input.user;
    this.kind = input.kind;
    this.email = input.email;
  }
}
