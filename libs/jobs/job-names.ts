/**
 * Every queue and every job the service runs. Job names are stable strings, never class names:
 * renaming a class must not orphan jobs already waiting in Redis.
 */
export const QueueName = {
  SYSTEM: 'system',
  STAGE_TRANSITIONS: 'stage-transitions',
  PRIVACY: 'privacy',
  /** Outbound webhook deliveries, apart so that a slow endpoint never delays other jobs. */
  WEBHOOKS: 'webhooks',
  /** Scorecard reminders and escalations of completed interviews. */
  SCORECARD_REMINDERS: 'scorecard-reminders',
  /** The periodic sweep for applications past their stage's SLA. */
  SLA: 'sla',
  /** E-mail deliveries, apart so that a slow or dead SMTP server never delays other jobs. */
  MAIL: 'mail',
  /** Interview reminders (delayed jobs) and keeping them in line with their interview. */
  INTERVIEW_REMINDERS: 'interview-reminders',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Job name -> payload. Payloads hold ids and plain values only. */
export interface JobPayloads {
  'system.heartbeat': Record<string, never>;
  /** Carry out a computed stage decision on its application (auto-advancing stages). */
  'pipeline.apply-stage-decision': { decisionId: string };
  /** Nightly: refresh retention dates, anonymise the candidates past theirs (idempotent). */
  'privacy.retention-sweep': Record<string, never>;
  /** One attempt at one webhook delivery (the delivery row holds the payload). */
  'webhooks.deliver': { deliveryId: string };
  /** Reminder number `round` (1, 2, ...) to the panelists of a completed interview who have not submitted. */
  'scorecards.remind': { interviewId: string; round: number };
  /** Periodic: alert the recruiters of applications past their stage's SLA (once per SLA period). */
  'work.sla-sweep': Record<string, never>;
  /** E-mail one in-app notification to its user (ids only: the processor reads the rest). */
  'mail.notification': { notificationId: string };
  /**
   * E-mail a candidate about an interview: INVITATION, UPDATE, CANCELLATION or REMINDER. `sequence`
   * is the interview's at the time; a mail whose interview changed since is not sent.
   */
  'mail.candidate-interview': {
    interviewId: string;
    sequence: number;
    kind: 'INVITATION' | 'UPDATE' | 'CANCELLATION' | 'REMINDER';
    /** REMINDER only: seconds before the start. */
    offsetSeconds?: number;
  };
  /** Make an interview's delayed reminder jobs match it (after booking, moving or cancelling). */
  'scheduling.sync-interview-reminders': { interviewId: string };
  /** Remind the panel and the candidate of an interview, unless it changed (sequence) or started. */
  'scheduling.interview-reminder': { interviewId: string; sequence: number; offsetSeconds: number };
}
export type JobName = keyof JobPayloads;

/** The queue each job runs on. */
export const JOB_QUEUE: { [Name in JobName]: QueueName } = {
  'system.heartbeat': QueueName.SYSTEM,
  'pipeline.apply-stage-decision': QueueName.STAGE_TRANSITIONS,
  'privacy.retention-sweep': QueueName.PRIVACY,
  'webhooks.deliver': QueueName.WEBHOOKS,
  'scorecards.remind': QueueName.SCORECARD_REMINDERS,
  'work.sla-sweep': QueueName.SLA,
  'mail.notification': QueueName.MAIL,
  'mail.candidate-interview': QueueName.MAIL,
  'scheduling.sync-interview-reminders': QueueName.INTERVIEW_REMINDERS,
  'scheduling.interview-reminder': QueueName.INTERVIEW_REMINDERS,
};

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
