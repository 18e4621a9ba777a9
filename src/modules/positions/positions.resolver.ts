import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectsAnyBelow } from '../../graphql/selection';
import { ALL_ROLES, PositionStatus, Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { NotFoundException } from '../../common/errors/domain.exception';
import { UserType } from '../identity';
import { CandidateQuestionType, InterviewPlanType, PLAN_DEEP_FIELDS, PLAN_LIST_FIELDS } from '../catalog';
import { CreatePositionInput, UpdatePositionInput } from './graphql/position.input';
import { InterviewKitType, PositionPayload, PositionType } from './graphql/position.type';
import { PositionsLoaders } from './positions.loaders';
import { PositionsService } from './positions.service';

const STAFF = [Role.ADMIN, Role.RECRUITER, Role.HIRING_MANAGER];

@Resolver(() => PositionType)
export class PositionsResolver {
  constructor(
    private readonly positions: PositionsService,
    private readonly loaders: PositionsLoaders,
  ) {}

  @Roles(...STAFF)
  @Query(() => PositionType, { nullable: true })
  async position(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PositionType | null> {
    try {
      return PositionType.from(await this.positions.get(actor, id));
    } catch (error) {
      if (error instanceof NotFoundException) return null;
      throw error;
    }
  }

  @Roles(...STAFF)
  @Query(() => [PositionType], {
    name: 'positions',
    description: 'Positions the caller may see: all for recruiters and admins, their own for hiring managers.',
  })
  async listPositions(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => PositionStatus, nullable: true }) status?: PositionStatus,
  ): Promise<PositionType[]> {
    return PositionType.fromList(await this.positions.list(actor, status));
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => PositionPayload)
  async createPosition(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreatePositionInput,
  ): Promise<PositionPayload> {
    return { position: PositionType.from(await this.positions.create(actor, input)) };
  }

  @Roles(...STAFF)
  @Mutation(() => PositionPayload)
  async updatePosition(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdatePositionInput,
  ): Promise<PositionPayload> {
    return { position: PositionType.from(await this.positions.update(actor, input)) };
  }

  @Roles(...STAFF)
  @Mutation(() => PositionPayload)
  async openPosition(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PositionPayload> {
    return { position: PositionType.from(await this.positions.open(actor, id)) };
  }

  @Roles(...STAFF)
  @Mutation(() => PositionPayload)
  async closePosition(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PositionPayload> {
    return { position: PositionType.from(await this.positions.close(actor, id)) };
  }

  @Roles(...ALL_ROLES)
  @Query(() => InterviewKitType, {
    description: 'What an interviewer reads before interviewing for one stage of a position.',
  })
  async interviewKit(
    @CurrentActor() actor: Actor,
    @Args('positionId', { type: () => ID }) positionId: string,
    @Args('stageId', { type: () => ID }) stageId: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InterviewKitType> {
    const selects = (name: string) => selectsAnyBelow(info, [name]);
    const kit = await this.positions.interviewKit(actor, positionId, stageId, {
      criteria: selects('criteria'),
      questions: selects('questions'),
      practicalTask: selects('practicalTask'),
      skillsToVerify: selects('skillsToVerify'),
      skillStages: selects('verifiedIn'),
      candidateQuestions: selects('candidateQuestions'),
    });
    return Object.assign(new InterviewKitType(), {
      position: kit.position,
      stage: kit.stage,
      skillsToVerify: kit.skillsToVerify,
      candidateQuestions: kit.candidateQuestions.map((question) => CandidateQuestionType.from(question)),
    });
  }

  @ResolveField(() => [UserType], { description: 'Empty for callers outside the hiring team.' })
  recruiters(@Parent() position: PositionType, @CurrentActor() actor: Actor, @Context() context: object) {
    return this.positions.recruitersSeenBy(context, actor, position);
  }

  @ResolveField(() => InterviewPlanType, {
    description:
      "The position's own copy of its plan: later template edits do not change it. Interviewers outside the hiring team see only the stages they interview for.",
  })
  async plan(
    @Parent() position: PositionType,
    @Context() context: object,
    @CurrentActor() actor: Actor,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InterviewPlanType> {
    // A list that shows stage names must not load every stage's rubric, questions and task.
    const loader = selectsAnyBelow(info, PLAN_DEEP_FIELDS)
      ? this.loaders.plan(context)
      : selectsAnyBelow(info, PLAN_LIST_FIELDS)
        ? this.loaders.planStages(context)
        : this.loaders.planStageNames(context);
    const plan = await loader.load(position.planId);
    return this.positions.planSeenBy(actor, plan);
  }
}
