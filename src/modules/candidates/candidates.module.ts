import { Module } from '@nestjs/common';
import { PolicyModule } from '../../common/policy/policy.module';
import { CandidatesLoaders } from './candidates.loaders';
import { CandidatesResolver } from './candidates.resolver';
import { CandidatesService } from './candidates.service';

@Module({
  imports: [PolicyModule],
  providers: [CandidatesService, CandidatesLoaders, CandidatesResolver],
  exports: [CandidatesService, CandidatesLoaders],
})
export class CandidatesModule {}
