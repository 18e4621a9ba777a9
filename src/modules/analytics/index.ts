export { ANALYTICS_ROLLUP_ENTITIES } from './rollup.entities';
export { weekStart } from './analytics-slice';
export { AnalyticsService, type AnalyticsFilterValues } from './analytics.service';
export { StageBreakdown, StageInsightsService } from './stage-insights.service';
export { AnalyticsModule } from './analytics.module';
export { AnalyticsCsvService } from './analytics-csv.service';
export { AnalyticsTable } from './graphql/analytics.type';
