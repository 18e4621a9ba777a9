import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Last run of a recurring job, by job name; the readiness check reports it. */
@Entity()
export class JobHeartbeat {
  @PrimaryKey({ type: 'text' })
  jobName: string;

  @Property({ type: 'timestamptz' })
  lastRunAt: Date;

  /** Host and pid of the worker process that ran it. */
  @Property({ type: 'text' })
  worker: string;

  constructor(jobName: string, lastRunAt: Date, worker: string) {
    this.jobName = jobName;
    this.lastRunAt = lastRunAt;
    this.worker = worker;
  }
}
