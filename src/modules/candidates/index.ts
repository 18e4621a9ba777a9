export { Candidate } from './candidate.entity';
export { CandidateType } from './graphql/candidate.type';
export { CandidatesService } from './candidates.service';
export { CandidatesLoaders } from './candidates.loaders';
export { CandidatesModule } from './candidates.module';
