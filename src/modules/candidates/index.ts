export { Candidate } from './candidate.entity';
export { CandidateType, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from './graphql/candidate.type';
export { CANDIDATE_COUNT_CAP, CandidatesService } from './candidates.service';
export { CANDIDATE_CONTACT_FIELDS, CandidatesLoaders } from './candidates.loaders';
export { CandidatesModule } from './candidates.module';
