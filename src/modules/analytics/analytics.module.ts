import { Module } from '@nestjs/common';
import { PolicyModule } from '../../common/policy/policy.module';
import { AnalyticsCsvService } from './analytics-csv.service';
import { AnalyticsReader } from './analytics-reader';
import { AnalyticsResolver } from './analytics.resolver';
import { AnalyticsService } from './analytics.service';
import { StageInsightsService } from './stage-insights.service';

@Module({
  imports: [PolicyModule],
  providers: [AnalyticsReader, AnalyticsService, StageInsightsService, AnalyticsCsvService, AnalyticsResolver],
  exports: [AnalyticsService],
})
export class AnalyticsModule {}
