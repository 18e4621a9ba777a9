import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { JobName } from './job-names';

/**
 * A job that a transaction decided to run. It is written in that transaction and copied to BullMQ
 * after commit by the OutboxRelay, so a rolled-back transaction never enqueues and a Redis outage
 * never loses a job.
 */
@Entity()
@Index({
  name: 'outbox_message_pending_idx',
  expression: 'create index "outbox_message_pending_idx" on "outbox_message" ("id") where "relayed_at" is null',
})
export class OutboxMessage {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  jobName: JobName;

  /** Deterministic BullMQ job id: duplicates collapse and a new message with the same id replaces a waiting job. */
  @Property({ type: 'text' })
  jobId: string;

  @Property({ type: 'jsonb' })
  payload: object;

  /** When the job should run; null means now. */
  @Property({ type: 'timestamptz', nullable: true })
  runAt: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null = null;

  constructor(input: { jobName: JobName; jobId: string; payload: object; runAt?: Date | null }) {
    this.jobName = input.jobName;
    this.jobId = input.jobId;
    this.payload = input.payload;
    this.runAt = input.runAt ?? null;
  }
}
