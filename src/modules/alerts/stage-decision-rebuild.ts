import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import { QueueName } from '../../../libs/jobs';
import { AUTOMATIC_DECISIONS_PENDING_SQL } from '../work-queue';
import { addMissing } from './scorecard-reminders.service';

/**
 * Reconciler step: an automatic stage decision not applied yet whose job is not in Redis (its
 * outbox row was relayed, then Redis lost it) gets its job back, under the same id
 * (`stage-decision.<id>`, as scorecards enqueues it). The processor skips a decision applied meanwhile.
 */
@Injectable()
export class StageDecisionRebuild {
  private readonly logger = new Logger(StageDecisionRebuild.name);

  constructor(
    private readonly orm: MikroORM,
    @InjectQueue(QueueName.STAGE_TRANSITIONS) private readonly queue: Queue,
  ) {}

  async rebuild(): Promise<number> {
    const rows = await this.orm.em.fork().execute<Array<{ decision_id: string }>>(AUTOMATIC_DECISIONS_PENDING_SQL);
    let added = 0;
    for (let start = 0; start < rows.length; start += 500) {
      added += await addMissing(
        this.queue,
        rows.slice(start, start + 500).map((row) => ({
          name: 'pipeline.apply-stage-decision',
          data: { decisionId: row.decision_id },
          opts: { jobId: `stage-decision.${row.decision_id}` },
        })),
      );
    }
    if (added) this.logger.log(`Reconciler re-created ${added} automatic stage decision job(s)`);
    return added;
  }
}
