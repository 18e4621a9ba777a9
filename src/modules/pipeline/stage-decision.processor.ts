import { Logger } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Job } from 'bullmq';
import { RejectionReason, StageDecisionOutcome } from '../../../libs/domain';
import { QueueName, QueueProcessor, type JobPayloads } from '../../../libs/jobs';
import { SYSTEM_ACTOR } from '../../common/auth/actor';
import { BadUserInputException } from '../../common/errors/domain.exception';
import { StageDecision } from './stage-decision.entity';
import { PipelineService } from './pipeline.service';

/**
 * Carries out an automatic stage decision as the system actor, through the pipeline's state
 * machine and its concurrency rules. Idempotent: a decision already applied, or a visit that was
 * closed by a person in the meantime, ends the job without another transition.
 */
@Processor(QueueName.STAGE_TRANSITIONS, { autorun: false })
export class StageDecisionProcessor extends QueueProcessor {
  readonly jobNames = ['pipeline.apply-stage-decision'] as const;
  private readonly logger = new Logger(StageDecisionProcessor.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly pipeline: PipelineService,
  ) {
    super();
  }

  async process(job: Job<JobPayloads['pipeline.apply-stage-decision']>): Promise<void> {
    const em = this.orm.em.fork();
    const decision = await em.findOne(StageDecision, job.data.decisionId, { populate: ['visit'] });
    if (!decision || decision.appliedAt || decision.visit.exitedAt) return;
    const passed = decision.outcome === StageDecisionOutcome.PASSED;
    try {
      await this.pipeline.transition(SYSTEM_ACTOR, decision.application.id, passed ? 'advance' : 'reject', {
        reason: `Automatic stage decision: ${decision.reasons[0] ?? decision.outcome}`,
        reasonCode: passed ? null : (decision.reasonCode ?? RejectionReason.OTHER),
        expectedStageId: decision.stage.id,
        automatic: true,
      });
    } catch (error) {
      // The application is on hold or otherwise not movable: the decision stays for a person.
      if (error instanceof BadUserInputException) {
        this.logger.warn(`Stage decision ${decision.id} not applied: ${error.message}`);
        return;
      }
      throw error; // CONFLICT (someone else acting right now) and outages: BullMQ retries with backoff.
    }
  }
}
