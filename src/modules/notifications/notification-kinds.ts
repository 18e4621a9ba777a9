/**
 * The closed list of notification kinds (docs/domain.md#notification-kinds). Every notification
 * has one; preferences turn e-mail off per kind, in-app notifications are always kept.
 */
export const NOTIFICATION_KINDS = {
  /** You were put on an interview's panel. */
  INTERVIEW_SCHEDULED: 'You were put on an interview panel',
  /** An interview you are on moved. */
  INTERVIEW_RESCHEDULED: 'An interview you are on moved',
  /** An interview you are on was cancelled. */
  INTERVIEW_CANCELLED: 'An interview you are on was cancelled',
  /** An interview you are on starts soon (INTERVIEW_REMINDER_OFFSETS). */
  INTERVIEW_REMINDER: 'An interview you are on starts soon',
  /** Your scorecard is due or overdue. */
  SCORECARD_DUE: 'Your scorecard is due',
  /** A panelist of your position has not submitted after two reminders. */
  SCORECARD_ESCALATION: 'A scorecard is overdue after two reminders',
  /** An application of your position is past its stage's SLA. */
  APPLICATION_STALLED: 'An application is past its stage SLA',
  /** A stage decision waits for a person. */
  STAGE_DECISION_WAITING: 'A stage decision waits for you',
  /** An automatic stage decision advanced or rejected an application. */
  STAGE_DECISION_APPLIED: 'An automatic stage decision was applied',
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, kind);
}
