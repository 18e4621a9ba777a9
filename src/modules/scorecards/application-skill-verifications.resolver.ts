import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ApplicationType } from '../pipeline';
import { SkillVerificationType } from './graphql/skill-verification.type';
import { ScorecardsLoaders } from './scorecards.loaders';

/** `Application.skillVerifications`: per skill of the plan, the verdict the recorded verdicts add up to. */
@Resolver(() => ApplicationType)
export class ApplicationSkillVerificationsResolver {
  constructor(private readonly loaders: ScorecardsLoaders) {}

  @ResolveField(() => [SkillVerificationType])
  skillVerifications(@Parent() application: ApplicationType, @Context() context: object) {
    return this.loaders.skillVerifications(context).load(application.id);
  }
}
