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

/** An application's change: ids and states only (no names, contact details or reasons in free text). */
export interface ApplicationEventData {
  applicationId: string;
  positionId: string;
  candidateId: string;
  /** advance, skip, reject, withdraw, hold, resume, hire or move. */
  action: string;
  previousStatus: string;
  status: string;
  fromStageId: string | null;
  toStageId: string | null;
  /** Carried out by the system from a stage decision, not by a person. */
  automatic: boolean;
  /** A rejection's reason code (RejectionReason), null otherwise. */
  rejectionReason: string | null;
  occurredAt: string;
}

export interface InterviewEventData {
  interviewId: string;
  applicationId: string;
  positionId: string;
  stageId: string;
  status: string;
  startsAt: string;
  endsAt: string;
  /** The iCalendar SEQUENCE: it grows with every reschedule or cancellation. */
  sequence: number;
  interviewerIds: string[];
  occurredAt: string;
}

export interface ScorecardEventData {
  scorecardId: string;
  interviewId: string;
  applicationId: string;
  positionId: string;
  stageId: string;
  interviewerId: string;
  submittedAt: string;
}

export interface StageDecisionEventData {
  stageDecisionId: string;
  applicationId: string;
  positionId: string;
  stageId: string;
  /** PASSED or FAILED (StageDecisionOutcome). */
  outcome: string;
  /** The stage advances or rejects by itself (autoAdvance); otherwise a person decides. */
  automatic: boolean;
  occurredAt: string;
}

/** What each event's `data` holds (docs/domain.md#webhook-events). */
export interface WebhookEventData {
  [WebhookEvent.APPLICATION_STAGE_CHANGED]: ApplicationEventData;
  [WebhookEvent.APPLICATION_HIRED]: ApplicationEventData;
  [WebhookEvent.APPLICATION_REJECTED]: ApplicationEventData;
  [WebhookEvent.INTERVIEW_SCHEDULED]: InterviewEventData;
  [WebhookEvent.INTERVIEW_RESCHEDULED]: InterviewEventData;
  [WebhookEvent.INTERVIEW_CANCELLED]: InterviewEventData;
  [WebhookEvent.SCORECARD_SUBMITTED]: ScorecardEventData;
  [WebhookEvent.STAGE_DECISION_READY]: StageDecisionEventData;
  [WebhookEvent.SLA_BREACHED]: Record<string, string | number | boolean | null | string[]>;
}
