import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
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

  static from(user: User): UserType {
    return Object.assign(new UserType(), {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      timezone: user.timezone,
    });
  }
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
}

@ObjectType()
export class RevokeRefreshTokenPayload {
  @Field({ description: 'False when the token was unknown (already gone).' }) revoked!: boolean;
}
