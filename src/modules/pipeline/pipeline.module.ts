import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module';
import { IdentityModule } from '../identity/identity.module';
import { PositionsModule } from '../positions/positions.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import {
  ApplicationsResolver,
  CandidateApplicationsResolver,
  InterviewApplicationResolver,
  PositionApplicationsResolver,
  ScorecardInterviewResolver,
} from './applications.resolver';
import { PipelineLoaders } from './pipeline-loaders';
import { PipelineService } from './pipeline.service';

@Module({
  imports: [IdentityModule, CandidatesModule, SchedulingModule, PositionsModule, ScorecardsModule],
  providers: [
    PipelineService,
    PipelineLoaders,
    ApplicationsResolver,
    InterviewApplicationResolver,
    CandidateApplicationsResolver,
    PositionApplicationsResolver,
    ScorecardInterviewResolver,
  ],
  exports: [PipelineService],
})
export class PipelineModule {}
