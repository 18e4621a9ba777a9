import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { QuestionType } from '../catalog';
import { UserType } from '../identity';
import { AnalyticsCsvService } from './analytics-csv.service';
import { displayCalibration, displayQuestionEffectiveness } from './analytics-display';
import { AnalyticsService } from './analytics.service';
import {
  AnalyticsFilter,
  AnalyticsTable,
  ExperienceLevelRateType,
  InterviewerCalibrationType,
  PipelineSummaryType,
  QuestionEffectivenessType,
  RejectionReasonCountType,
  StageGroupRateType,
  StageRateType,
  StageTimingType,
} from './graphql/analytics.type';
import { StageBreakdown, StageInsightsService } from './stage-insights.service';

const ANALYSTS = [Role.ADMIN, Role.RECRUITER, Role.HIRING_MANAGER];

@Resolver()
export class AnalyticsResolver {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly insights: StageInsightsService,
    private readonly csv: AnalyticsCsvService,
  ) {}

  @Roles(...ANALYSTS)
  @Query(() => [StageRateType])
  stageSuccessRates(
    @CurrentActor() actor: Actor,
    @Args('positionId', { type: () => ID }) positionId: string,
    @Args('filter', { type: () => AnalyticsFilter, nullable: true }) filter?: AnalyticsFilter,
  ) {
    return this.analytics.stageSuccessRates(actor, positionId, filter);
  }

  @Roles(...ANALYSTS)
  @Query(() => [ExperienceLevelRateType])
  successRatesByExperienceLevel(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => AnalyticsFilter, nullable: true }) filter?: AnalyticsFilter,
  ) {
    return this.analytics.successRatesByExperienceLevel(actor, filter);
  }

  @Roles(...ANALYSTS)
  @Query(() => PipelineSummaryType)
  pipelineSummary(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => AnalyticsFilter, nullable: true }) filter?: AnalyticsFilter,
  ) {
    return this.analytics.pipelineSummary(actor, filter);
  }

  @Roles(...ANALYSTS)
  @Query(() => [InterviewerCalibrationType])
  async interviewerCalibration(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => AnalyticsFilter, nullable: true }) filter?: AnalyticsFilter,
  ): Promise<InterviewerCalibrationType[]> {
    const rows = await this.analytics.interviewerCalibration(actor, filter);
    return rows.map((row) => displayCalibration({ ...row, interviewer: UserType.from(row.interviewer) }));
  }

  @Roles(...ANALYSTS)
  @Query(() => [StageGroupRateType], {
    description: 'Pass-through of each stage kind across the positions of the filter, broken down by `by`.',
  })
  stageRatesBy(
    @CurrentActor() actor: Actor,
    @Args('by', { type: () => StageBreakdown }) by: StageBreakdown,
    @Args('filter', { type: () => AnalyticsFilter, nullable: true }) filter?: AnalyticsFilter,
  ) {
    return this.insights.stageRatesBy(actor, by, filter);
  }

  @Roles(...ANALYSTS)
  @Query(() => [StageTimingType], { description: 'Time to schedule, time in stage and scorecard turnaround.' })
  stageTimings(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => AnalyticsFilter, nullable: true }) filter?: AnalyticsFilter,
  ) {
    return this.insights.stageTimings(actor, filter);
  }

  @Roles(...ANALYSTS)
  @Query(() => [RejectionReasonCountType], { description: 'Why candidates failed each stage kind.' })
  rejectionReasons(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => AnalyticsFilter, nullable: true }) filter?: AnalyticsFilter,
  ) {
    return this.insights.rejectionReasons(actor, filter);
  }

  @Roles(...ANALYSTS)
  @Query(() => [QuestionEffectivenessType], {
    description: 'Questions by how well their scores separate candidates who passed from those who failed.',
  })
  async questionEffectiveness(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => AnalyticsFilter, nullable: true }) filter?: AnalyticsFilter,
  ): Promise<QuestionEffectivenessType[]> {
    const rows = await this.insights.questionEffectiveness(actor, filter);
    return rows.map((row) => displayQuestionEffectiveness({ ...row, question: QuestionType.from(row.question) }));
  }

  @Roles(...ANALYSTS)
  @Query(() => String, { description: 'One analytics table as CSV (header line, then one line per row).' })
  async analyticsCsv(
    @CurrentActor() actor: Actor,
    @Args('table', { type: () => AnalyticsTable }) table: AnalyticsTable,
    @Args('positionId', { type: () => ID, nullable: true }) positionId?: string,
    @Args('filter', { type: () => AnalyticsFilter, nullable: true }) filter?: AnalyticsFilter,
  ): Promise<string> {
    return this.csv.table(actor, table, positionId, filter);
  }
}
