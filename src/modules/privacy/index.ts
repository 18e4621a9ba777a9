export { CandidateDataService } from './candidate-data.service';
export { RetentionService } from './retention.service';
export { RetentionProcessor, RETENTION_SWEEP } from './retention.processor';
export { ERASED_NAME, ERASED_MARK } from './candidate-erasure';
export { PrivacyModule, PrivacyJobsModule } from './privacy.module';
