import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { stringify } from 'csv-stringify/sync';
import { Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { BadUserInputException } from '../../common/errors/domain.exception';
import { QuestionType } from '../catalog';
import { UserType } from '../identity';
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
    return rows.map((row) => ({ ...row, interviewer: UserType.from(row.interviewer) }));
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
    return rows.map((row) => ({ ...row, question: QuestionType.from(row.question) }));
  }

  @Roles(...ANALYSTS)
  @Query(() => String, { description: 'One analytics table as CSV (header line, then one line per row).' })
  async analyticsCsv(
    @CurrentActor() actor: Actor,
    @Args('table', { type: () => AnalyticsTable }) table: AnalyticsTable,
    @Args('positionId', { type: () => ID, nullable: true }) positionId?: string,
    @Args('filter', { type: () => AnalyticsFilter, nullable: true }) filter?: AnalyticsFilter,
  ): Promise<string> {
    const rows: object[] = await this.rows(actor, table, positionId, filter);
    return stringify(rows, { header: true, columns: rows.length ? Object.keys(rows[0]!) : undefined });
  }

  private async rows(
    actor: Actor,
    table: AnalyticsTable,
    positionId?: string,
    filter?: AnalyticsFilter,
  ): Promise<object[]> {
    switch (table) {
      case AnalyticsTable.STAGE_SUCCESS_RATES:
        if (!positionId)
          throw new BadUserInputException('Stage success rates are per position.', {
            positionId: 'required for this table',
          });
        return this.analytics.stageSuccessRates(actor, positionId, filter);
      case AnalyticsTable.SUCCESS_RATES_BY_EXPERIENCE_LEVEL:
        return this.analytics.successRatesByExperienceLevel(actor, filter);
      case AnalyticsTable.PIPELINE_SUMMARY:
        return [await this.analytics.pipelineSummary(actor, filter)];
      case AnalyticsTable.INTERVIEWER_CALIBRATION:
        return (await this.analytics.interviewerCalibration(actor, filter)).map(({ interviewer, ...row }) => ({
          interviewerId: interviewer.id,
          interviewerName: interviewer.name,
          ...row,
        }));
      case AnalyticsTable.STAGE_RATES_BY_APPLIED_WEEK:
        return this.insights.stageRatesBy(actor, StageBreakdown.APPLIED_WEEK, filter);
      case AnalyticsTable.STAGE_RATES_BY_COMPANY_PROFILE:
        return this.insights.stageRatesBy(actor, StageBreakdown.COMPANY_PROFILE, filter);
      case AnalyticsTable.STAGE_RATES_BY_SOURCE:
        return this.insights.stageRatesBy(actor, StageBreakdown.SOURCE, filter);
      case AnalyticsTable.STAGE_RATES_BY_EXPERIENCE_LEVEL:
        return this.insights.stageRatesBy(actor, StageBreakdown.EXPERIENCE_LEVEL, filter);
      case AnalyticsTable.STAGE_TIMINGS:
        return this.insights.stageTimings(actor, filter);
      case AnalyticsTable.REJECTION_REASONS:
        return this.insights.rejectionReasons(actor, filter);
      case AnalyticsTable.QUESTION_EFFECTIVENESS:
        return (await this.insights.questionEffectiveness(actor, filter)).map(({ question, ...row }) => ({
          questionId: question.id,
          questionPrompt: question.prompt,
          ...row,
        }));
    }
  }
}
