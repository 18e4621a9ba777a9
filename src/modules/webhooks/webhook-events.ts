/** The events a webhook subscription may ask for; on the wire lower case with a dot (`interview.scheduled`). */
export enum WebhookEvent {
  APPLICATION_STAGE_CHANGED = 'APPLICATION_STAGE_CHANGED',
  APPLICATION_HIRED = 'APPLICATION_HIRED',
  APPLICATION_REJECTED = 'APPLICATION_REJECTED',
  INTERVIEW_SCHEDULED = 'INTERVIEW_SCHEDULED',
  INTERVIEW_RESCHEDULED = 'INTERVIEW_RESCHEDULED',
  INTERVIEW_CANCELLED = 'INTERVIEW_CANCELLED',
  SCORECARD_SUBMITTED = 'SCORECARD_SUBMITTED',
  STAGE_DECISION_READY = 'STAGE_DECISION_READY',
  SLA_BREACHED = 'SLA_BREACHED',
}

export enum WebhookDeliveryStatus {
  /** Not delivered yet; retried with exponential backoff for 24 hours. */
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Dead letter: every attempt for 24 hours failed. An admin may replay it. */
  FAILED = 'FAILED',
}

/** `APPLICATION_STAGE_CHANGED` -> `application.stage_changed`. */
export function wireEventType(event: WebhookEvent): string {
  const [head, ...rest] = event.toLowerCase().split('_');
  return `${head}.${rest.join('_')}`;
}
