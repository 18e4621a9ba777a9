import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ApplicationStatus } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/auth.decorators';
import { PositionType } from '../positions';
import { ApplicationConnection } from './graphql/application.type';
import { ApplicationsService, MAX_BOARD_PAGE_SIZE } from './applications.service';
import { BoardCardConnection } from './graphql/board-card.type';

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

  @ResolveField(() => BoardCardConnection, {
    description: `The pipeline board: the ACTIVE and ON_HOLD applications you may see, with what a card shows (candidate, open stage visit, next interview), up to ${MAX_BOARD_PAGE_SIZE} a page in one SQL statement.`,
  })
  boardCards(
    @Parent() position: PositionType,
    @CurrentActor() actor: Actor,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: `Cards per page, 1..${MAX_BOARD_PAGE_SIZE}; ${MAX_BOARD_PAGE_SIZE} when omitted.`,
    })
    first?: number,
    @Args('after', { nullable: true, description: "A page's endCursor: the cards after it." }) after?: string,
  ) {
    return this.service.boardOf(actor, position.id, { first, after });
  }
}
