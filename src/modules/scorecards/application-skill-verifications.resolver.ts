import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/auth.decorators';
import { ApplicationType } from '../pipeline';
import { SkillVerificationType } from './graphql/skill-verification.type';
import { ScorecardsLoaders } from './scorecards.loaders';

/**
 * `Application.skillVerifications`: per skill of the plan, the verdict the recorded verdicts add up
 * to, counting only those the caller may read.
 */
@Resolver(() => ApplicationType)
export class ApplicationSkillVerificationsResolver {
  constructor(private readonly loaders: ScorecardsLoaders) {}

  @ResolveField(() => [SkillVerificationType], {
    description:
      'Per skill of the plan, the verdict of the recorded verdicts you may read: those of stages you still owe a scorecard for stay hidden.',
  })
  skillVerifications(@Parent() application: ApplicationType, @Context() context: object, @CurrentActor() actor: Actor) {
    return this.loaders.skillVerifications(context, actor).load(application.id);
  }
}
