import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Role } from '../../../libs/domain';
import { BaseEntity } from '../../common/base.entity';

@Entity({ tableName: 'app_user' })
export class User extends BaseEntity<'timezone' | 'deactivatedAt'> {
  /** Stored lower-cased, so the unique constraint is case-insensitive. */
  @Property({ type: 'text' })
  @Unique()
  email: string;

  @Property({ type: 'text' })
  name: string;

  @Enum({ items: () => Role, array: true, nativeEnumName: 'role' })
  roles: Role[];

  /** IANA time zone, used for what the user receives (invites, reminders, working hours). */
  @Property({ type: 'text', default: 'UTC' })
  timezone: string = 'UTC';

  /** Working hours on weekdays, whole hours in the user's time zone: interview slots are suggested inside them. */
  @Property({ type: 'smallint', default: 9 })
  workdayStartHour: number = 9;

  @Property({ type: 'smallint', default: 17 })
  workdayEndHour: number = 17;

  /** argon2id; never leaves the identity module. */
  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash: string;

  @Property({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null = null;

  constructor(input: { email: string; name: string; roles: Role[]; passwordHash: string; timezone?: string }) {
    super();
    this.email = input.email;
    this.name = input.name;
    this.roles = input.roles;
    this.passwordHash = input.passwordHash;
    if (input.timezone) this.timezone = input.timezone;
  }

  hasRole(...roles: Role[]): boolean {
    return roles.some((role) => this.roles.includes(role));
  }
}
