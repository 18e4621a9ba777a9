import { Module } from '@nestjs/common';
import { PolicyModule } from '../../common/policy/policy.module';
import { AnalyticsReader } from './analytics-reader';
import { AnalyticsResolver } from './analytics.resolver';
import { AnalyticsService } from './analytics.service';
import { StageInsightsService } from './stage-insights.service';

@Module({
  imports: [PolicyModule],
  providers: [AnalyticsReader, AnalyticsService, StageInsightsService, AnalyticsResolver],
  exports: [AnalyticsService],
})
export class AnalyticsModule {}
