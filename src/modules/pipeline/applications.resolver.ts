import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ALL_ROLES, Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { CANDIDATE_CONTACT_FIELDS, CandidatesLoaders, CandidateType } from '../candidates';
import { CatalogLoaders, PlanStageType, STAGE_DEEP_FIELDS } from '../catalog';
import { selectsAnyBelow } from '../../graphql/selection';
import { PositionsLoaders, PositionType } from '../positions';
import type { Application } from './application.entity';
import {
  AdvanceApplicationInput,
  ApplyInput,
  HireApplicationInput,
  HoldApplicationInput,
  MoveApplicationToStageInput,
  RejectApplicationInput,
  ResumeApplicationInput,
  SkipStageInput,
  WithdrawApplicationInput,
} from './graphql/application.input';
import { ApplicationPayload, ApplicationType, StageVisitType } from './graphql/application.type';
import { StageDecisionType } from './graphql/stage-decision.type';
import { ApplicationsService } from './applications.service';
import { PipelineLoaders } from './pipeline.loaders';
import { PipelineService } from './pipeline.service';

const STAFF = [Role.ADMIN, Role.RECRUITER, Role.HIRING_MANAGER];

const payload = (application: Application): ApplicationPayload => ({ application: ApplicationType.from(application) });

@Resolver(() => ApplicationType)
export class ApplicationsResolver {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly applications: ApplicationsService,
    private readonly loaders: PipelineLoaders,
    private readonly candidates: CandidatesLoaders,
    private readonly positions: PositionsLoaders,
    private readonly catalog: CatalogLoaders,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => ApplicationType, { nullable: true })
  async application(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ApplicationType | null> {
    return this.applications.get(actor, id);
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => ApplicationPayload)
  async apply(@CurrentActor() actor: Actor, @Args('input') input: ApplyInput): Promise<ApplicationPayload> {
    return payload(await this.pipeline.apply(actor, input));
  }

  @Roles(...STAFF)
  @Mutation(() => ApplicationPayload, {
    description: 'Passes the current stage and opens the next (after the last, the application awaits hire).',
  })
  async advanceApplication(@CurrentActor() actor: Actor, @Args('input') input: AdvanceApplicationInput) {
    return payload(await this.pipeline.act(actor, input.applicationId, 'advance', input));
  }

  @Roles(...STAFF)
  @Mutation(() => ApplicationPayload)
  async rejectApplication(@CurrentActor() actor: Actor, @Args('input') input: RejectApplicationInput) {
    return payload(await this.pipeline.act(actor, input.applicationId, 'reject', input));
  }

  @Roles(...STAFF)
  @Mutation(() => ApplicationPayload)
  async withdrawApplication(@CurrentActor() actor: Actor, @Args('input') input: WithdrawApplicationInput) {
    return payload(await this.pipeline.act(actor, input.applicationId, 'withdraw', input));
  }

  @Roles(...STAFF)
  @Mutation(() => ApplicationPayload, {
    description: 'Only after the last stage passed, and with every must-verify skill verified.',
  })
  async hireApplication(@CurrentActor() actor: Actor, @Args('input') input: HireApplicationInput) {
    return payload(await this.pipeline.act(actor, input.applicationId, 'hire', input));
  }

  @Roles(...STAFF)
  @Mutation(() => ApplicationPayload)
  async holdApplication(@CurrentActor() actor: Actor, @Args('input') input: HoldApplicationInput) {
    return payload(await this.pipeline.act(actor, input.applicationId, 'hold', input));
  }

  @Roles(...STAFF)
  @Mutation(() => ApplicationPayload)
  async resumeApplication(@CurrentActor() actor: Actor, @Args('input') input: ResumeApplicationInput) {
    return payload(await this.pipeline.act(actor, input.applicationId, 'resume', input));
  }

  @Roles(...STAFF)
  @Mutation(() => ApplicationPayload, {
    description: 'Skips the current stage (visit SKIPPED) with a reason and opens the next.',
  })
  async skipStage(@CurrentActor() actor: Actor, @Args('input') input: SkipStageInput) {
    return payload(await this.pipeline.act(actor, input.applicationId, 'skip', input));
  }

  @Roles(...STAFF)
  @Mutation(() => ApplicationPayload, {
    description:
      'Moves an ACTIVE application to any stage of its plan, with a reason: back to an earlier stage (a new visit; history kept) or forward (the stages in between recorded SKIPPED, not passed). The way out of a dead end.',
  })
  async moveApplicationToStage(@CurrentActor() actor: Actor, @Args('input') input: MoveApplicationToStageInput) {
    return payload(await this.pipeline.moveToStage(actor, input));
  }

  @ResolveField(() => CandidateType)
  candidate(
    @Parent() application: ApplicationType,
    @Context() context: object,
    @CurrentActor() actor: Actor,
    @Info() info: GraphQLResolveInfo,
  ) {
    const withContact = selectsAnyBelow(info, CANDIDATE_CONTACT_FIELDS);
    return this.candidates.candidate(context, actor, withContact).load(application.candidateId);
  }

  @ResolveField(() => PositionType)
  position(@Parent() application: ApplicationType, @Context() context: object) {
    return this.positions.position(context).load(application.positionId);
  }

  @ResolveField(() => PlanStageType, { nullable: true })
  currentStage(@Parent() application: ApplicationType, @Context() context: object, @Info() info: GraphQLResolveInfo) {
    return application.currentStageId ? this.catalog.stageFor(context, info).load(application.currentStageId) : null;
  }

  @ResolveField(() => [StageVisitType])
  stageHistory(
    @Parent() application: ApplicationType,
    @Context() context: object,
    @CurrentActor() actor: Actor,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Visits' stages with their kits only when the query asks for a rubric, questions or task.
    const deep = selectsAnyBelow(info, STAGE_DEEP_FIELDS);
    const explain = selectsAnyBelow(info, ['reason', 'reasonCode']);
    return this.loaders.stageHistory(context, actor, deep, explain).load(application.id);
  }

  @ResolveField(() => [StageDecisionType], {
    description: "The panel's recommendation per decided stage visit, oldest first.",
  })
  stageDecisions(@Parent() application: ApplicationType, @Context() context: object, @CurrentActor() actor: Actor) {
    return this.loaders.stageDecisions(context, actor).load(application.id);
  }
}
