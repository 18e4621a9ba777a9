import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
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

export interface OutboxEntry<Name extends JobName = JobName> {
  jobName: Name;
  payload: JobPayloads[Name];
  options: EnqueueOptions;
}

/**
 * Like enqueueJob for many jobs at once: one multi-row INSERT, executed now in the caller's
 * transaction (not at flush). Same guarantee: the jobs reach Redis only if that transaction commits.
 */
export async function enqueueJobs(em: SqlEntityManager, entries: readonly OutboxEntry[]): Promise<void> {
  if (!entries.length) return;
  for (const { options } of entries) {
    if (options.jobId.includes(':')) throw new Error(`Job id "${options.jobId}" must not contain ':'`);
  }
  const rows = entries.map(({ jobName, payload, options }) => ({
    job_name: jobName,
    job_id: options.jobId,
    payload,
    run_at: options.runAt?.toISOString() ?? null,
  }));
  await em.execute(
    `insert into outbox_message (job_name, job_id, payload, run_at)
     select m.job_name, m.job_id, m.payload, m.run_at
       from jsonb_to_recordset(?::jsonb) as m(job_name text, job_id text, payload jsonb, run_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}
