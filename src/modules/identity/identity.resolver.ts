import { UseInterceptors } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import type { AuthenticatedRequest } from '../../common/auth/access-token.guard';
import { CurrentActor, Public, Roles } from '../../common/auth/auth.decorators';
import { UnauthenticatedException } from '../../common/errors/domain.exception';
import { LoginThrottle } from '../../common/rate-limit/login-throttle.interceptor';
import { AuthService } from './auth.service';
import {
  ChangePasswordInput,
  CreateUserInput,
  LoginInput,
  RevokeRefreshTokenInput,
  UpdateUserInput,
  UserIdInput,
} from './graphql/user.input';
import {
  AuthPayload,
  ChangePasswordPayload,
  RevokeRefreshTokenPayload,
  UserPayload,
  UserType,
} from './graphql/user.type';
import { RefreshTokenCookie, type HttpContext } from './refresh-token-cookie';
import { TokenService } from './token.service';
import type { User } from './user.entity';
import { UserService } from './user.service';

@Resolver(() => UserType)
export class IdentityResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
    private readonly userService: UserService,
    private readonly cookie: RefreshTokenCookie,
  ) {}

  @Public()
  @UseInterceptors(LoginThrottle)
  @Mutation(() => AuthPayload, { description: 'Signs in; the refresh token is also set as an httpOnly cookie.' })
  async login(@Args('input') input: LoginInput, @Context() context: HttpContext): Promise<AuthPayload> {
    const { user, tokens } = await this.auth.login(input.email, input.password);
    this.cookie.set(context, tokens.refreshToken);
    signedInAs(context, user);
    return { ...tokens, user: UserType.from(user) };
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      "Exchanges a refresh token (the argument, or the web app's cookie when it is left out) for a new pair; the old one stops working.",
  })
  async refreshToken(
    @Context() context: HttpContext,
    @Args('refreshToken', { type: () => String, nullable: true }) refreshToken?: string | null,
  ): Promise<AuthPayload> {
    const given = refreshToken ?? this.cookie.read(context);
    if (!given) throw new UnauthenticatedException('You are not signed in (no refresh token). Sign in.');
    try {
      const { user, tokens } = await this.tokens.rotate(given);
      this.cookie.set(context, tokens.refreshToken);
      signedInAs(context, user);
      return { ...tokens, user: UserType.from(user) };
    } catch (error) {
      // A cookie that can never work again is dropped, so the browser stops sending it.
      if (!refreshToken) this.cookie.clear(context);
      throw error;
    }
  }

  @Public()
  @Mutation(() => RevokeRefreshTokenPayload, {
    description:
      "Signs out: revokes the refresh token (the input's, or the web app's cookie when it is left out) and every token rotated from the same login, and clears the cookie.",
  })
  async revokeRefreshToken(
    @Context() context: HttpContext,
    @Args('input', { type: () => RevokeRefreshTokenInput, nullable: true }) input?: RevokeRefreshTokenInput | null,
  ): Promise<RevokeRefreshTokenPayload> {
    const given = input?.refreshToken ?? this.cookie.read(context);
    this.cookie.clear(context);
    return { revoked: given ? await this.tokens.revoke(given) : false };
  }

  @Roles(...ALL_ROLES)
  @Query(() => UserType)
  async me(@CurrentActor() actor: Actor): Promise<UserType> {
    // The row the access token's check read for this request; no second read.
    if (actor.user) return Object.assign(new UserType(), actor.user);
    return UserType.from(await this.userService.get(actor.userId!));
  }

  @Roles(Role.ADMIN, Role.RECRUITER, Role.HIRING_MANAGER)
  @Query(() => [UserType], {
    description: 'Active users, by name; optionally only those with a role, and (admins) the deactivated ones too.',
  })
  async users(
    @CurrentActor() actor: Actor,
    @Args('role', { type: () => Role, nullable: true }) role?: Role,
    @Args('includeDeactivated', {
      type: () => Boolean,
      defaultValue: false,
      description:
        'Also lists deactivated users (their deactivatedAt is set), so they can be reactivated. Admins only: anyone else asking gets FORBIDDEN.',
    })
    includeDeactivated = false,
  ): Promise<UserType[]> {
    return (await this.userService.list(actor, role, includeDeactivated)).map((user) => UserType.from(user));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserPayload)
  async createUser(@Args('input') input: CreateUserInput): Promise<UserPayload> {
    return { user: UserType.from(await this.userService.create(input)), affectedInterviewIds: [] };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'Name, roles, time zone and working hours of a user (admins).' })
  async updateUser(@CurrentActor() actor: Actor, @Args('input') input: UpdateUserInput): Promise<UserPayload> {
    return { user: UserType.from(await this.userService.update(actor, input)), affectedInterviewIds: [] };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserPayload, {
    description: "Ends the user's sessions at once and takes them off future panels (listed in affectedInterviewIds).",
  })
  async deactivateUser(@CurrentActor() actor: Actor, @Args('input') input: UserIdInput): Promise<UserPayload> {
    const { user, affectedInterviewIds } = await this.userService.deactivate(actor, input.userId);
    return { user: UserType.from(user), affectedInterviewIds };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserPayload)
  async reactivateUser(@CurrentActor() actor: Actor, @Args('input') input: UserIdInput): Promise<UserPayload> {
    return { user: UserType.from(await this.userService.reactivate(actor, input.userId)), affectedInterviewIds: [] };
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => ChangePasswordPayload, { description: "Changes one's own password and ends one's other sessions." })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Args('input') input: ChangePasswordInput,
  ): Promise<ChangePasswordPayload> {
    return { endedSessions: await this.userService.changePassword(actor, input) };
  }
}

/** The rest of a sign-in's answer (the payload's user) is read as the user who just signed in. */
function signedInAs(context: HttpContext, user: User): void {
  (context.req as AuthenticatedRequest).actor ??= { kind: 'user', userId: user.id, roles: user.roles };
}
