import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { PositionsResolver } from './positions.resolver';
import { PositionsService } from './positions.service';

@Module({
  imports: [IdentityModule],
  providers: [PositionsService, PositionsResolver],
  exports: [PositionsService],
})
export class PositionsModule {}
