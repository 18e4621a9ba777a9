import { Module } from '@nestjs/common';
import { AnalyticsCsvService } from './analytics-csv.service';
import { AnalyticsReader } from './analytics-reader';
import { AnalyticsResolver } from './analytics.resolver';
import { AnalyticsService } from './analytics.service';
import { StageInsightsService } from './stage-insights.service';

@Module({
  providers: [AnalyticsReader, AnalyticsService, StageInsightsService, AnalyticsCsvService, AnalyticsResolver],
  exports: [AnalyticsService],
})
export class AnalyticsModule {}
