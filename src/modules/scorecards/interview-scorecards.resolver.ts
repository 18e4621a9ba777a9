import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/auth.decorators';
import { InterviewType } from '../scheduling';
import { ScorecardType } from './graphql/scorecard.type';
import { ScorecardsLoaders } from './scorecards.loaders';

/** `Interview.scorecards`. */
@Resolver(() => InterviewType)
export class InterviewScorecardsResolver {
  constructor(private readonly loaders: ScorecardsLoaders) {}

  @ResolveField(() => [ScorecardType], {
    description:
      "Blind until submitted: a panelist sees the others' scorecards once they submitted their own for this stage.",
  })
  scorecards(@Parent() interview: InterviewType, @Context() context: object, @CurrentActor() actor: Actor) {
    return this.loaders.ofInterview(context, actor).load(interview.id);
  }
}
