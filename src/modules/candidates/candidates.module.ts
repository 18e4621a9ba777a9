import { Module } from '@nestjs/common';
import { CandidatesLoaders } from './candidates.loaders';
import { CandidatesResolver } from './candidates.resolver';
import { CandidatesService } from './candidates.service';

@Module({
  providers: [CandidatesService, CandidatesLoaders, CandidatesResolver],
  exports: [CandidatesService, CandidatesLoaders],
})
export class CandidatesModule {}
