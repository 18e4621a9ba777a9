import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '../../../../libs/domain';
import type { User } from '../user.entity';

registerEnumType(Role, { name: 'Role' });

@ObjectType('User')
export class UserType {
  @Field(() => ID) id!: string;
  /** Exposed by UserDetailsResolver: staff and the user themself only. */
  email!: string;
  @Field() name!: string;
  /** Exposed by UserDetailsResolver: staff and the user themself only. */
  roles!: Role[];
  @Field({ description: 'IANA time zone used for what this user receives.' }) timezone!: string;
  @Field(() => Int, {
    description:
      "Start of the working day (hour 0-23, in the user's time zone, Monday to Friday); slots are suggested from it.",
  })
  workdayStartHour!: number;
  @Field(() => Int, {
    description: "End of the working day (hour 1-24, in the user's time zone); no suggested slot ends after it.",
  })
  workdayEndHour!: number;
  @Field(() => Date, {
    nullable: true,
    description: 'When the user was deactivated (they cannot sign in until reactivated); null for an active user.',
  })
  deactivatedAt!: Date | null;

  static from(user: UserFields): UserType {
    return Object.assign(new UserType(), {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      timezone: user.timezone,
      workdayStartHour: user.workdayStartHour,
      workdayEndHour: user.workdayEndHour,
      deactivatedAt: user.deactivatedAt ?? null,
    });
  }

  /** From the JSON object `userJson()` selects (plain rows, no entity). */
  static fromJson(user: UserJson): UserType {
    return UserType.from({ ...user, deactivatedAt: user.deactivatedAt === null ? null : new Date(user.deactivatedAt) });
  }
}

/** What UserType is made of: a User entity has it, and so has a plain row. */
export type UserFields = Pick<
  User,
  'id' | 'email' | 'name' | 'roles' | 'timezone' | 'workdayStartHour' | 'workdayEndHour' | 'deactivatedAt'
>;

/** A user as `userJson()` selects it: UserType's fields, the time as JSON gives it. */
export interface UserJson {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  timezone: string;
  workdayStartHour: number;
  workdayEndHour: number;
  deactivatedAt: string | null;
}

/**
 * SQL for the user row aliased `alias` as one JSON object (UserJson; null where there is no row):
 * plain-row reads put a user beside other columns without an entity (UserType.fromJson).
 */
export function userJson(alias: string): string {
  return `case when ${alias}.id is null then null else json_build_object('id', ${alias}.id, 'email', ${alias}.email,
    'name', ${alias}.name, 'roles', ${alias}.roles, 'timezone', ${alias}.timezone,
    'workdayStartHour', ${alias}.workday_start_hour, 'workdayEndHour', ${alias}.workday_end_hour,
    'deactivatedAt', ${alias}.deactivated_at) end`;
}

@ObjectType()
export class AuthPayload {
  @Field() accessToken!: string;
  @Field() refreshToken!: string;
  @Field(() => UserType) user!: UserType;
}

@ObjectType()
export class UserPayload {
  @Field(() => UserType) user!: UserType;
  @Field(() => [ID], {
    description:
      'For deactivateUser, the future SCHEDULED interviews the user was taken off (their panels need a replacement). Empty otherwise.',
  })
  affectedInterviewIds: string[] = [];
}

@ObjectType()
export class RevokeRefreshTokenPayload {
  @Field({ description: 'False when the token was unknown (already gone).' }) revoked!: boolean;
}

@ObjectType()
export class ChangePasswordPayload {
  @Field(() => Int, { description: "Sessions other than the caller's that were ended." }) endedSessions!: number;
}
