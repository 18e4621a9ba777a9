import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { AnalyticsResolver } from './analytics.resolver';
import { AnalyticsService } from './analytics.service';

@Module({ imports: [IdentityModule], providers: [AnalyticsService, AnalyticsResolver], exports: [AnalyticsService] })
export class AnalyticsModule {}
