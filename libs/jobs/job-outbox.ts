import type { EntityManager } from '@mikro-orm/core';
import { OutboxMessage } from './outbox-message.entity';
import type { JobName, JobPayloads } from './job-names';

export interface EnqueueOptions {
  /** Deterministic id, e.g. `reminder.<interviewId>.<offset>`; a rescheduled job reuses it. No ':' (BullMQ reserves it). */
  jobId: string;
  /** Run at this time instead of now. */
  runAt?: Date;
}

/**
 * The one way to enqueue a job: record it in the caller's unit of work. It reaches Redis only if
 * that unit of work commits (see OutboxRelay).
 */
export function enqueueJob<Name extends JobName>(
  em: EntityManager,
  jobName: Name,
  payload: JobPayloads[Name],
  options: EnqueueOptions,
): OutboxMessage {
  if (options.jobId.includes(':')) throw new Error(`Job id "${options.jobId}" must not contain ':'`);
  const message = new OutboxMessage({ jobName, jobId: options.jobId, payload, runAt: options.runAt ?? null });
  em.persist(message);
  return message;
}
