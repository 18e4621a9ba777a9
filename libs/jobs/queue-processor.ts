import { Inject, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobName } from './job-names';

export const WORKER_SETTINGS = Symbol('WORKER_SETTINGS');

export interface WorkerSettings {
  concurrency: number;
  /** A job whose lock is not renewed for this long counts as stalled and runs again elsewhere. */
  lockDurationMs: number;
}

/**
 * Base of every processor. Declare it with `@Processor(queue, { autorun: false })`: the worker
 * starts here, once the configured concurrency and lock duration are applied (the decorator
 * cannot read configuration). Each processor declares the job names it runs (`jobNames`): the
 * worker refuses to start unless every job of job-names.ts has exactly one processor
 * (JobRegistryCheck), and a job with another name fails instead of reaching `process`.
 */
export abstract class QueueProcessor<Name extends string = JobName>
  extends WorkerHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  @Inject(WORKER_SETTINGS) private readonly settings!: WorkerSettings;

  /** The jobs this processor runs. */
  abstract readonly jobNames: readonly Name[];

  constructor() {
    super();
    // BullMQ calls `process` (the subclass's, bound when @nestjs/bullmq creates the worker): every
    // job passes the name check first. Unrecoverable: retrying cannot make the name right.
    const run = this.process.bind(this);
    this.process = (job: Job, token?: string) => {
      if (!(this.jobNames as readonly string[]).includes(job.name)) {
        const message = `${this.constructor.name} does not run job "${job.name}" (it runs ${this.jobNames.join(', ')})`;
        new Logger(this.constructor.name).error(`Job ${job.id} failed: ${message}`);
        return Promise.reject(new UnrecoverableError(message));
      }
      return run(job, token);
    };
  }

  onApplicationBootstrap(): void | Promise<void> {
    const worker = this.worker;
    worker.concurrency = this.settings.concurrency;
    // BullMQ reads these in its constructor; set them, then rebuild the lock manager that copied them.
    Object.assign(worker.opts, {
      lockDuration: this.settings.lockDurationMs,
      lockRenewTime: this.settings.lockDurationMs / 2,
      stalledInterval: this.settings.lockDurationMs,
      // A job survives up to three worker deaths before it counts as failed.
      maxStalledCount: 3,
      // After a lost Redis connection, try again within a second (BullMQ waits 15 s by default, so
      // delayed jobs due meanwhile would run that much late).
      runRetryDelay: 1000,
    });
    (worker as unknown as { createLockManager(): void }).createLockManager();
    worker.run().catch((error: unknown) => {
      new Logger(this.constructor.name).error(`Worker of ${worker.name} stopped: ${(error as Error).message}`);
    });
  }

  /**
   * Lets the running jobs finish while the database is still open: @nestjs/bullmq closes workers
   * in onApplicationShutdown, the same hook in which MikroORM closes its pool, in no set order. A
   * job that lost that race waited a minute for a connection. (Closing twice is harmless.)
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
