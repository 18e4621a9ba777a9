import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CandidateDataService } from './candidate-data.service';
import { PrivacyResolver } from './privacy.resolver';
import { RetentionProcessor } from './retention.processor';
import { RetentionService } from './retention.service';

/** Export, erasure and retention of candidate data (API side). */
@Module({
  imports: [AuditModule],
  providers: [CandidateDataService, RetentionService, PrivacyResolver],
  exports: [CandidateDataService, RetentionService],
})
export class PrivacyModule {}

/** The worker side: the nightly retention sweep. */
@Module({
  imports: [AuditModule],
  providers: [CandidateDataService, RetentionService, RetentionProcessor],
})
export class PrivacyJobsModule {}
