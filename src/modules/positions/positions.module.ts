import { Module } from '@nestjs/common';
import { PolicyModule } from '../../common/policy/policy.module';
import { CatalogModule } from '../catalog';
import { PositionPlanRules } from './position-plan-rules';
import { PositionsLoaders } from './positions.loaders';
import { PositionsResolver } from './positions.resolver';
import { PositionsService } from './positions.service';

@Module({
  imports: [PolicyModule, CatalogModule],
  providers: [PositionsService, PositionsLoaders, PositionPlanRules, PositionsResolver],
  exports: [PositionsService, PositionsLoaders],
})
export class PositionsModule {}
