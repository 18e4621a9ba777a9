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
  /** E-mail deliveries, apart so that a slow or dead SMTP server never delays other jobs. */
  MAIL: 'mail',
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
  /** E-mail one in-app notification to its user (ids only: the processor reads the rest). */
  'mail.notification': { notificationId: string };
}
export type JobName = keyof JobPayloads;

/** The queue each job runs on. */
export const JOB_QUEUE: { [Name in JobName]: QueueName } = {
  'system.heartbeat': QueueName.SYSTEM,
  'pipeline.apply-stage-decision': QueueName.STAGE_TRANSITIONS,
  'privacy.retention-sweep': QueueName.PRIVACY,
  'webhooks.deliver': QueueName.WEBHOOKS,
  'mail.notification': QueueName.MAIL,
};

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
