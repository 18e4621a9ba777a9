import { operation } from './operation';

export interface AnalyticsFilter {
  companyProfiles?: string[];
  experienceLevels?: string[];
  positionIds?: string[];
  from?: string;
  to?: string;
}

export const STAGE_SUCCESS_RATES = operation<
  {
    stageSuccessRates: Array<{
      order: number;
      entered: number;
      passed: number;
      failed: number;
      withdrawn: number;
      inProgress: number;
      passRate: number | null;
      passRateLow: number | null;
      passRateHigh: number | null;
      medianHoursInStage: number | null;
    }>;
  },
  { id: string }
>(`query StageSuccessRates($id: ID!) {
  stageSuccessRates(positionId: $id) {
    order entered passed failed withdrawn inProgress passRate passRateLow passRateHigh medianHoursInStage
  }
}`);

export const PIPELINE_SUMMARY = operation<
  {
    pipelineSummary: {
      applications: number;
      active: number;
      hired: number;
      rejected: number;
      withdrawn: number;
      overallSuccessRate: number | null;
      medianDurationDays: number | null;
    };
  },
  { f?: AnalyticsFilter }
>(`query PipelineSummary($f: AnalyticsFilter) {
  pipelineSummary(filter: $f) { applications active hired rejected withdrawn overallSuccessRate medianDurationDays }
}`);

export const SUCCESS_RATES_BY_EXPERIENCE_LEVEL = operation<{
  successRatesByExperienceLevel: Array<{
    experienceLevel: string;
    applications: number;
    rejected: number;
    withdrawn: number;
    active: number;
    successRate: number | null;
  }>;
}>(`query SuccessRatesByExperienceLevel {
  successRatesByExperienceLevel { experienceLevel applications rejected withdrawn active successRate }
}`);

export const STAGE_RATES_BY = operation<
  {
    stageRatesBy: Array<{
      stageKind: string;
      group: string;
      entered: number;
      passed: number;
      failed: number;
      withdrawn: number;
      inProgress: number;
      passRate: number | null;
    }>;
  },
  { by: string }
>(`query StageRatesBy($by: StageBreakdown!) {
  stageRatesBy(by: $by) { stageKind group entered passed failed withdrawn inProgress passRate }
}`);

/** How many entered each stage kind, by group. */
export const STAGE_ENTRIES_BY = operation<
  { stageRatesBy: Array<{ stageKind: string; group: string; entered: number }> },
  { by: string }
>(`query StageEntriesBy($by: StageBreakdown!) { stageRatesBy(by: $by) { stageKind group entered } }`);

export const REJECTION_REASONS = operation<{
  rejectionReasons: Array<{ stageKind: string; reasonCode: string; rejections: number; share: number }>;
}>(`query RejectionReasons { rejectionReasons { stageKind reasonCode rejections share } }`);

export const STAGE_TIMINGS = operation<{
  stageTimings: Array<{
    stageKind: string;
    entered: number;
    withInterview: number;
    scorecards: number;
    averageHoursInStage: number | null;
  }>;
}>(`query StageTimings { stageTimings { stageKind entered withInterview scorecards averageHoursInStage } }`);

export const QUESTION_EFFECTIVENESS = operation<{
  questionEffectiveness: Array<{
    question: { id: string };
    ratings: number;
    separation: number | null;
    effectSize: number | null;
  }>;
}>(`query QuestionEffectiveness { questionEffectiveness { question { id } ratings separation effectSize } }`);

export const ANALYTICS_CSV = operation<{ analyticsCsv: string }, { table: string; id?: string }>(
  `query AnalyticsCsv($table: AnalyticsTable!, $id: ID) { analyticsCsv(table: $table, positionId: $id) }`,
);
