export { ANALYTICS_ROLLUP_ENTITIES } from './rollup.entities';
export { weekStart } from './analytics-slice';
export { AnalyticsService, type AnalyticsFilterValues } from './analytics.service';
export { StageBreakdown, StageInsightsService } from './stage-insights.service';
export { AnalyticsModule } from './analytics.module';
