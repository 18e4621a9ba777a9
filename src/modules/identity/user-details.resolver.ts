import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/auth.decorators';
import { ForbiddenException } from '../../common/errors/domain.exception';
import { AccessService, Permission } from '../access';
import { UserType } from './graphql/user.type';

/**
 * A user's e-mail and roles, for staff and the user themself; everyone else sees colleagues by name.
 * Both fields are non-null, so a refusal nulls the nearest nullable parent: ask for `name` only.
 */
@Resolver(() => UserType)
export class UserDetailsResolver {
  constructor(private readonly access: AccessService) {}

  @ResolveField(() => String)
  async email(@Parent() user: UserType, @CurrentActor() actor: Actor, @Context() context: object): Promise<string> {
    await this.assertMaySee(context, actor, user);
    return user.email;
  }

  @ResolveField(() => [Role])
  async roles(@Parent() user: UserType, @CurrentActor() actor: Actor, @Context() context: object): Promise<Role[]> {
    await this.assertMaySee(context, actor, user);
    return user.roles;
  }

  private async assertMaySee(context: object, actor: Actor | undefined, user: UserType): Promise<void> {
    if (actor && (await this.access.check(context, actor, Permission.UserDetailsRead, user.id))) return;
    throw new ForbiddenException(
      `Colleagues are shown by name only: ${user.name}'s e-mail and roles are for recruiters, hiring managers and admins.`,
    );
  }
}
