import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ALL_ROLES } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { CatalogLoaders } from '../catalog';
import { InterviewType, SchedulingLoaders } from '../scheduling';
import {
  AmendScorecardInput,
  CriterionRatingType,
  QuestionRatingType,
  SaveScorecardInput,
  ScorecardAmendmentType,
  ScorecardPayload,
  ScorecardType,
  SkillVerdictEntryType,
  SubmitScorecardInput,
} from './graphql/scorecard.type';
import { ScorecardsService } from './scorecards.service';

@Resolver(() => ScorecardType)
export class ScorecardsResolver {
  constructor(
    private readonly scorecards: ScorecardsService,
    private readonly catalog: CatalogLoaders,
    private readonly scheduling: SchedulingLoaders,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => ScorecardType, {
    description: "FORBIDDEN for another panelist's scorecard until you submitted yours for that stage.",
  })
  async scorecard(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ScorecardType> {
    return ScorecardType.from(await this.scorecards.get(actor, id));
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => ScorecardPayload, {
    description: 'Saves your draft for an interview you sit on; call it as often as you like.',
  })
  async saveScorecard(
    @CurrentActor() actor: Actor,
    @Args('input') input: SaveScorecardInput,
  ): Promise<ScorecardPayload> {
    return { scorecard: ScorecardType.from(await this.scorecards.save(actor, input.interviewId, input)) };
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => ScorecardPayload, {
    description: 'Makes your scorecard final; every criterion rated and a recommendation given.',
  })
  async submitScorecard(
    @CurrentActor() actor: Actor,
    @Args('input') input: SubmitScorecardInput,
  ): Promise<ScorecardPayload> {
    return { scorecard: ScorecardType.from(await this.scorecards.submit(actor, input.scorecardId)) };
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => ScorecardPayload, {
    description: 'Changes your submitted scorecard, with a reason; the previous content is kept.',
  })
  async amendScorecard(
    @CurrentActor() actor: Actor,
    @Args('input') input: AmendScorecardInput,
  ): Promise<ScorecardPayload> {
    return {
      scorecard: ScorecardType.from(await this.scorecards.amend(actor, input.scorecardId, input.reason, input)),
    };
  }

  @ResolveField(() => [CriterionRatingType])
  async ratings(@Parent() scorecard: ScorecardType, @Context() context: object): Promise<CriterionRatingType[]> {
    const loader = this.catalog.criterion(context);
    return Promise.all(
      scorecard.entity.ratings.map(async (rating) => ({
        criterion: await loader.load(rating.criterionId),
        score: rating.score,
        evidence: rating.evidence,
      })),
    );
  }

  @ResolveField(() => [QuestionRatingType], { description: "Scores for the stage's questions that were asked." })
  async questionRatings(@Parent() scorecard: ScorecardType, @Context() context: object): Promise<QuestionRatingType[]> {
    const loader = this.catalog.question(context);
    return Promise.all(
      scorecard.entity.questionRatings.map(async (rating) => ({
        question: await loader.load(rating.questionId),
        score: rating.score,
        note: rating.note,
      })),
    );
  }

  @ResolveField(() => [SkillVerdictEntryType])
  async skillVerdicts(
    @Parent() scorecard: ScorecardType,
    @Context() context: object,
  ): Promise<SkillVerdictEntryType[]> {
    const loader = this.catalog.skill(context);
    return Promise.all(
      scorecard.entity.skillVerdicts.map(async (entry) => ({
        skill: await loader.load(entry.skillId),
        verdict: entry.verdict,
        evidence: entry.evidence,
      })),
    );
  }

  @ResolveField(() => [ScorecardAmendmentType], { description: 'Changes made after submission, oldest first.' })
  async amendments(@Parent() scorecard: ScorecardType): Promise<ScorecardAmendmentType[]> {
    return (await this.scorecards.amendments(scorecard.id)).map((amendment) => ScorecardAmendmentType.from(amendment));
  }

  @ResolveField(() => InterviewType)
  interview(@Parent() scorecard: ScorecardType, @Context() context: object) {
    return this.scheduling.interview(context).load(scorecard.entity.interview.id);
  }
}
