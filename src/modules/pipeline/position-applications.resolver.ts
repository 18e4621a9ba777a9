import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ApplicationStatus } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/auth.decorators';
import { PositionType } from '../positions';
import { ApplicationConnection } from './graphql/application.type';
import { ApplicationsService } from './applications.service';

/** `Position.applications`: a page of the position's applications the caller may see. */
@Resolver(() => PositionType)
export class PositionApplicationsResolver {
  constructor(private readonly service: ApplicationsService) {}

  @ResolveField(() => ApplicationConnection)
  applications(
    @Parent() position: PositionType,
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('status', { type: () => ApplicationStatus, nullable: true }) status?: ApplicationStatus,
  ) {
    return this.service.ofPosition(actor, position.id, { first, after, status });
  }
}
