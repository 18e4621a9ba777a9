import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog';
import { PositionPlanRules } from './position-plan-rules';
import { PositionsLoaders } from './positions.loaders';
import { PositionsResolver } from './positions.resolver';
import { PositionsService } from './positions.service';

@Module({
  imports: [CatalogModule],
  providers: [PositionsService, PositionsLoaders, PositionPlanRules, PositionsResolver],
  exports: [PositionsService, PositionsLoaders],
})
export class PositionsModule {}
