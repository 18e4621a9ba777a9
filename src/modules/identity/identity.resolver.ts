import { UseInterceptors } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/auth.decorators';
import { LoginThrottle } from '../../common/rate-limit/login-throttle.interceptor';
import { AuthService } from './auth.service';
import { CreateUserInput, LoginInput, RevokeRefreshTokenInput } from './graphql/user.input';
import { AuthPayload, RevokeRefreshTokenPayload, UserPayload, UserType } from './graphql/user.type';
import { TokenService } from './token.service';
import { UserService } from './user.service';

@Resolver(() => UserType)
export class IdentityResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
    private readonly userService: UserService,
  ) {}

  @Public()
  @UseInterceptors(LoginThrottle)
  @Mutation(() => AuthPayload)
  async login(@Args('input') input: LoginInput): Promise<AuthPayload> {
    const { user, tokens } = await this.auth.login(input.email, input.password);
    return { ...tokens, user: UserType.from(user) };
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token for a new pair; the old one stops working.' })
  async refreshToken(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    const { user, tokens } = await this.tokens.rotate(refreshToken);
    return { ...tokens, user: UserType.from(user) };
  }

  @Public()
  @Mutation(() => RevokeRefreshTokenPayload, {
    description: 'Signs out: revokes the refresh token and every token rotated from the same login.',
  })
  async revokeRefreshToken(@Args('input') input: RevokeRefreshTokenInput): Promise<RevokeRefreshTokenPayload> {
    return { revoked: await this.tokens.revoke(input.refreshToken) };
  }

  @Roles(...ALL_ROLES)
  @Query(() => UserType)
  async me(@CurrentActor() actor: Actor): Promise<UserType> {
    return UserType.from(await this.userService.get(actor.userId!));
  }

  @Roles(Role.ADMIN, Role.RECRUITER, Role.HIRING_MANAGER)
  @Query(() => [UserType], { description: 'Active users, by name; optionally only those with a role.' })
  async users(
    @CurrentActor() actor: Actor,
    @Args('role', { type: () => Role, nullable: true }) role?: Role,
  ): Promise<UserType[]> {
    return (await this.userService.list(actor, role)).map((user) => UserType.from(user));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserPayload)
  async createUser(@Args('input') input: CreateUserInput): Promise<UserPayload> {
    return { user: UserType.from(await this.userService.create(input)) };
  }
}
