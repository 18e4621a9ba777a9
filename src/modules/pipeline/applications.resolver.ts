import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EntityManager } from '@mikro-orm/postgresql';
import { ALL_ROLES, ApplicationStatus, Role, type PipelineAction } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { NotFoundException } from '../../common/errors/domain.exception';
import { afterCursor, connection, pageSize } from '../../common/pagination';
import { PlanStageType } from '../catalog/graphql/catalog.type';
import { ApplicationAccess } from '../candidates/application-access';
import { Application } from '../candidates/application.entity';
import {
  AdvanceApplicationInput,
  ApplicationConnection,
  ApplicationPayload,
  ApplicationType,
  ApplyInput,
  CandidateType,
  HireApplicationInput,
  HoldApplicationInput,
  RejectApplicationInput,
  ResumeApplicationInput,
  SkillVerificationType,
  SkipStageInput,
  StageVisitType,
  WithdrawApplicationInput,
} from '../candidates/graphql/candidate.type';
import { PositionType } from '../positions/graphql/position.type';
import { InterviewType } from '../scheduling/graphql/interview.type';
import { requestLoader } from '../../graphql/request-loader';
import { ScorecardType, StageDecisionType } from '../scorecards/graphql/scorecard.type';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { StageDecision } from '../scorecards/stage-decision.entity';
import { SchedulingService } from '../scheduling/scheduling.service';
import { PipelineLoaders } from './pipeline-loaders';
import { PipelineService, type TransitionRequest } from './pipeline.service';

const STAFF = [Role.ADMIN, Role.RECRUITER, Role.HIRING_MANAGER];

@Resolver(() => ApplicationType)
export class ApplicationsResolver {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly access: ApplicationAccess,
    private readonly loaders: PipelineLoaders,
    private readonly em: EntityManager,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => ApplicationType, { nullable: true })
  async application(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ApplicationType | null> {
    const application = await this.em.findOne(Application, { id });
    if (!application || !(await this.access.canRead(actor, id))) return null;
    return ApplicationType.from(application);
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => ApplicationPayload)
  async apply(@CurrentActor() actor: Actor, @Args('input') input: ApplyInput): Promise<ApplicationPayload> {
    return { application: ApplicationType.from(await this.pipeline.apply(actor, input)) };
  }

  @Roles(...STAFF)
  @Mutation(() => ApplicationPayload, {
    description: 'Passes the current stage and opens the next (after the last, the application awaits hire).',
  })
  advanceApplication(@CurrentActor() actor: Actor, @Args('input') input: AdvanceApplicationInput) {
    return this.act(actor, input.applicationId, 'advance', input);
  }

  @Roles(...STAFF)
  @Mutation(() => ApplicationPayload)
  rejectApplication(@CurrentActor() actor: Actor, @Args('input') input: RejectApplicationInput) {
    return this.act(actor, input.applicationId, 'reject', input);
  }

  @Roles(...STAFF)
  @Mutation(() => ApplicationPayload)
  withdrawApplication(@CurrentActor() actor: Actor, @Args('input') input: WithdrawApplicationInput) {
    return this.act(actor, input.applicationId, 'withdraw', input);
  }

  @Roles(...STAFF)
  @Mutation(() => ApplicationPayload, {
    description: 'Only after the last stage passed, and with every must-verify skill verified.',
  })
  hireApplication(@CurrentActor() actor: Actor, @Args('input') input: HireApplicationInput) {
    return this.act(actor, input.applicationId, 'hire', input);
  }

  @Roles(...STAFF)
  @Mutation(() => ApplicationPayload)
  holdApplication(@CurrentActor() actor: Actor, @Args('input') input: HoldApplicationInput) {
    return this.act(actor, input.applicationId, 'hold', input);
  }

  @Roles(...STAFF)
  @Mutation(() => ApplicationPayload)
  resumeApplication(@CurrentActor() actor: Actor, @Args('input') input: ResumeApplicationInput) {
    return this.act(actor, input.applicationId, 'resume', input);
  }

  @Roles(...STAFF)
  @Mutation(() => ApplicationPayload, {
    description: 'Skips the current stage (visit SKIPPED) with a reason and opens the next.',
  })
  skipStage(@CurrentActor() actor: Actor, @Args('input') input: SkipStageInput) {
    return this.act(actor, input.applicationId, 'skip', input);
  }

  @ResolveField(() => CandidateType)
  candidate(@Parent() application: ApplicationType, @Context() context: object, @CurrentActor() actor: Actor) {
    return this.loaders.candidate(context, actor).load(application.candidateId);
  }

  @ResolveField(() => PositionType)
  position(@Parent() application: ApplicationType, @Context() context: object) {
    return this.loaders.position(context).load(application.positionId);
  }

  @ResolveField(() => PlanStageType, { nullable: true })
  currentStage(@Parent() application: ApplicationType, @Context() context: object) {
    return application.currentStageId ? this.loaders.stage(context).load(application.currentStageId) : null;
  }

  @ResolveField(() => [StageVisitType])
  stageHistory(@Parent() application: ApplicationType, @Context() context: object) {
    return this.loaders.stageHistory(context).load(application.id);
  }

  @ResolveField(() => [InterviewType])
  interviews(@Parent() application: ApplicationType, @Context() context: object) {
    return this.loaders.interviews(context).load(application.id);
  }

  @ResolveField(() => [SkillVerificationType])
  skillVerifications(@Parent() application: ApplicationType, @Context() context: object) {
    return this.loaders.skillVerifications(context).load(application.id);
  }

  @ResolveField(() => [StageDecisionType], {
    description: "The panel's recommendation per decided stage visit, oldest first.",
  })
  stageDecisions(@Parent() application: ApplicationType, @Context() context: object) {
    return requestLoader<string, StageDecisionType[]>(context, 'stageDecisions', async (ids) => {
      const rows = await this.em.find(
        StageDecision,
        { application: { $in: [...ids] } },
        { orderBy: { createdAt: 'asc' } },
      );
      return ids.map((id) => rows.filter((row) => row.application.id === id).map((row) => StageDecisionType.from(row)));
    }).load(application.id);
  }

  private async act(actor: Actor, applicationId: string, action: PipelineAction, request: TransitionRequest) {
    if (!(await this.access.canRead(actor, applicationId))) throw new NotFoundException('Application', applicationId);
    return { application: ApplicationType.from(await this.pipeline.transition(actor, applicationId, action, request)) };
  }
}

@Resolver(() => InterviewType)
export class InterviewApplicationResolver {
  constructor(
    private readonly loaders: PipelineLoaders,
    private readonly scorecardsService: ScorecardsService,
    private readonly scheduling: SchedulingService,
  ) {}

  @ResolveField(() => [ScorecardType], {
    description:
      "Blind until submitted: a panelist sees the others' scorecards once they submitted their own for this stage.",
  })
  async scorecards(@Parent() interview: InterviewType, @Context() context: object, @CurrentActor() actor: Actor) {
    const loader = requestLoader<string, ScorecardType[]>(context, 'interviewScorecards', async (ids) => {
      const interviews = await this.scheduling.byIds(ids);
      const visible = await this.scorecardsService.visibleFor(actor, interviews);
      return ids.map((id) => (visible.get(id) ?? []).map((card) => ScorecardType.from(card)));
    });
    return loader.load(interview.id);
  }

  @ResolveField(() => ApplicationType)
  async application(@Parent() interview: InterviewType): Promise<ApplicationType> {
    return ApplicationType.from(interview.entity.application);
  }

  @ResolveField(() => PlanStageType, {
    description: 'The stage this interview is for, with its kit (rubric, questions, task).',
  })
  stage(@Parent() interview: InterviewType, @Context() context: object) {
    return this.loaders.stage(context).load(interview.stageId);
  }
}

@Resolver(() => CandidateType)
export class CandidateApplicationsResolver {
  constructor(
    private readonly em: EntityManager,
    private readonly access: ApplicationAccess,
  ) {}

  @ResolveField(() => [ApplicationType])
  async applications(@Parent() candidate: CandidateType, @CurrentActor() actor: Actor): Promise<ApplicationType[]> {
    const scope = await this.access.scope(actor);
    const rows = await this.em.find(
      Application,
      { candidate: candidate.id, ...(scope.all ? {} : { id: { $in: scope.applicationIds } }) },
      { orderBy: { appliedAt: 'desc' } },
    );
    return rows.map((row) => ApplicationType.from(row));
  }
}

@Resolver(() => PositionType)
export class PositionApplicationsResolver {
  constructor(
    private readonly em: EntityManager,
    private readonly access: ApplicationAccess,
  ) {}

  @ResolveField(() => ApplicationConnection)
  async applications(
    @Parent() position: PositionType,
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('status', { type: () => ApplicationStatus, nullable: true }) status?: ApplicationStatus,
  ) {
    const size = pageSize(first);
    const scope = await this.access.scope(actor);
    const where = {
      position: position.id,
      ...(status ? { status } : {}),
      ...(scope.all ? {} : { id: { $in: scope.applicationIds } }),
    };
    const [rows, total] = await Promise.all([
      this.em.find(
        Application,
        { $and: [where, afterCursor(after)] },
        { orderBy: { createdAt: 'desc', id: 'asc' }, limit: size + 1 },
      ),
      this.em.count(Application, where),
    ]);
    return connection(rows, size, total, (row) => ApplicationType.from(row));
  }
}

@Resolver(() => ScorecardType)
export class ScorecardInterviewResolver {
  constructor(private readonly scheduling: SchedulingService) {}

  @ResolveField(() => InterviewType)
  interview(@Parent() scorecard: ScorecardType, @Context() context: object) {
    return requestLoader<string, InterviewType>(context, 'interviewsById', async (ids) => {
      const rows = new Map((await this.scheduling.byIds(ids)).map((row) => [row.id, InterviewType.from(row)]));
      return ids.map((id) => rows.get(id) ?? new Error(`interview ${id} not found`));
    }).load(scorecard.entity.interview.id);
  }
}
