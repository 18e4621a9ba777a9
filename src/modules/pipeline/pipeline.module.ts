import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates';
import { CatalogModule } from '../catalog';
import { NotificationsModule } from '../notifications';
import { PositionsModule } from '../positions';
import { WebhooksModule } from '../webhooks';
import { ApplicationsResolver } from './applications.resolver';
import { ApplicationsService } from './applications.service';
import { CandidateApplicationsResolver } from './candidate-applications.resolver';
import { PipelineHooks } from './pipeline-hooks';
import { PipelineLoaders } from './pipeline.loaders';
import { PipelineService } from './pipeline.service';
import { PlanStageUsage } from './plan-stage-usage';
import { PositionApplicationsResolver } from './position-applications.resolver';

@Module({
  imports: [CatalogModule, PositionsModule, CandidatesModule, NotificationsModule, WebhooksModule],
  providers: [
    PipelineService,
    PipelineHooks,
    ApplicationsService,
    PipelineLoaders,
    PlanStageUsage,
    ApplicationsResolver,
    CandidateApplicationsResolver,
    PositionApplicationsResolver,
  ],
  exports: [PipelineService, PipelineHooks],
})
export class PipelineModule {}
