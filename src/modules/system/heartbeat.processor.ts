import { hostname } from 'node:os';
import { Inject } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import { QueueName, QueueProcessor, type JobName } from '../../../libs/jobs';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { JobHeartbeat } from './heartbeat.entity';

const HEARTBEAT: JobName = 'system.heartbeat';

/**
 * Runs `system.heartbeat` on a fixed interval and records its last run in PostgreSQL, proving the
 * whole path Redis -> worker -> database. The schedule is declared at every worker start, and the
 * reconciler declares it again whenever Redis lost it.
 */
@Processor(QueueName.SYSTEM, { autorun: false })
export class HeartbeatProcessor extends QueueProcessor {
  readonly jobNames = [HEARTBEAT];

  constructor(
    private readonly orm: MikroORM,
    @InjectQueue(QueueName.SYSTEM) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  override async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    await this.schedule();
  }

  schedule(): Promise<unknown> {
    return this.queue.upsertJobScheduler(
      HEARTBEAT,
      { every: this.config.worker.heartbeatIntervalSeconds * 1000 },
      { name: HEARTBEAT, data: {}, opts: { removeOnComplete: 10, removeOnFail: 10 } },
    );
  }

  /** Reconciler step: declares the schedule again when Redis lost it; returns 1 when it did. */
  async rebuild(): Promise<number> {
    if (await this.queue.getJobScheduler(HEARTBEAT)) return 0;
    await this.schedule();
    return 1;
  }

  async process(): Promise<void> {
    const em = this.orm.em.fork();
    await em.upsert(JobHeartbeat, new JobHeartbeat(HEARTBEAT, new Date(), `${hostname()}:${process.pid}`));
  }
}
