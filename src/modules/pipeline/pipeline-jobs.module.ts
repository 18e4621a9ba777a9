import { Module } from '@nestjs/common';
import { PipelineModule } from './pipeline.module';
import { StageDecisionProcessor } from './stage-decision.processor';

/**
 * The worker's side of the pipeline: applying automatic stage decisions. The transitions it runs
 * fire the pipeline's hooks, so the worker loads the modules that fill them as well (WorkerModule).
 */
@Module({
  imports: [PipelineModule],
  providers: [StageDecisionProcessor],
})
export class PipelineJobsModule {}
