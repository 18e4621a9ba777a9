import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { toCsv } from '../../common/csv';
import { BadUserInputException } from '../../common/errors/domain.exception';
import { displayCalibration, displayQuestionEffectiveness } from './analytics-display';
import { AnalyticsService } from './analytics.service';
import { AnalyticsTable, type AnalyticsFilter } from './graphql/analytics.type';
import { StageBreakdown, StageInsightsService } from './stage-insights.service';

/** Any analytics table as CSV: the same rows as the GraphQL figures, flattened. */
@Injectable()
export class AnalyticsCsvService {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly insights: StageInsightsService,
  ) {}

  /** A header line, then one line per row. */
  async table(actor: Actor, table: AnalyticsTable, positionId?: string, filter?: AnalyticsFilter): Promise<string> {
    const rows: object[] = await this.rows(actor, table, positionId, filter);
    return toCsv(rows);
  }

  /**
   * Every table honours every argument: the stage-rates table is about `positionId` and keeps the
   * filter's other conditions (and its positions: a filter without this position selects nothing);
   * for the other tables `positionId` narrows the filter's positions to that one.
   */
  private async rows(
    actor: Actor,
    table: AnalyticsTable,
    positionId?: string,
    given?: AnalyticsFilter,
  ): Promise<object[]> {
    const filter: AnalyticsFilter | undefined =
      positionId && table !== AnalyticsTable.STAGE_SUCCESS_RATES
        ? {
            ...given,
            positionIds: !given?.positionIds || given.positionIds.includes(positionId) ? [positionId] : [],
          }
        : given;
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
          ...displayCalibration(row),
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
          ...displayQuestionEffectiveness(row),
        }));
    }
  }
}
