import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { PipelineService } from './pipeline.service';
import { StageDecisionProcessor } from './stage-decision.processor';

/** The worker's side of the pipeline: applying automatic stage decisions. */
@Module({
  imports: [IdentityModule, ScorecardsModule],
  providers: [PipelineService, StageDecisionProcessor],
})
export class PipelineJobsModule {}
