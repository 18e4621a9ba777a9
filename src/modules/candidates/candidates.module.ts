import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ApplicationAccess } from './application-access';
import { CandidatesResolver } from './candidates.resolver';
import { CandidatesService } from './candidates.service';

@Module({
  imports: [IdentityModule],
  providers: [CandidatesService, ApplicationAccess, CandidatesResolver],
  exports: [CandidatesService, ApplicationAccess],
})
export class CandidatesModule {}
