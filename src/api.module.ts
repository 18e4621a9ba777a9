import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { DomainExceptionFilter } from './common/errors/domain-exception.filter';
import { AccessTokenGuard } from './common/auth/access-token.guard';
import { MutationRateLimitGuard } from './common/rate-limit/mutation-rate-limit.guard';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { createValidationPipe } from './common/validation.pipe';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { graphqlModule } from './graphql/graphql.config';
import { IntrospectionPlugin } from './graphql/introspection.plugin';
import { HealthModule } from './modules/health';
import { CatalogModule } from './modules/catalog';
import { IdentityModule } from './modules/identity';
import { PositionsModule } from './modules/positions';
import { CandidatesModule } from './modules/candidates';
import { PipelineModule } from './modules/pipeline';
import { SchedulingModule } from './modules/scheduling';
import { NotificationsModule } from './modules/notifications';
import { ScorecardsModule } from './modules/scorecards';
import { AnalyticsModule } from './modules/analytics';
import { AuditModule } from './modules/audit';
import { PrivacyModule } from './modules/privacy';
import { WebhooksApiModule } from './modules/webhooks';
import { WorkQueueModule } from './modules/work-queue';
import { AlertsModule } from './modules/alerts';
import { MailApiModule } from './modules/mail';

/** The API process: GraphQL and health checks; it runs no job processors. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config, 'api'),
        graphqlModule(config),
        RateLimitModule,
        HealthModule,
        IdentityModule,
        CatalogModule,
        PositionsModule,
        CandidatesModule,
        SchedulingModule,
        PipelineModule,
        ScorecardsModule,
        NotificationsModule,
        AnalyticsModule,
        AuditModule,
        PrivacyModule,
        WorkQueueModule,
        WebhooksApiModule,
        AlertsModule,
        MailApiModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessTokenGuard },
        // After the access token guard: it counts the mutations of the actor that guard found.
        { provide: APP_GUARD, useClass: MutationRateLimitGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
        IntrospectionPlugin,
      ],
    };
  }
}
