import type { MyInterviewsQuery } from '../graphql/graphql';

export type ScorecardState = 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED' | 'OVERDUE' | 'NOT_NEEDED';

export const SCORECARD_STATE_LABEL: Record<ScorecardState, string> = {
  NOT_STARTED: 'Not started',
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  OVERDUE: 'Overdue',
  NOT_NEEDED: 'Not needed',
};

export const SCORECARD_STATE_COLOR: Record<ScorecardState, string> = {
  NOT_STARTED: 'gray.7',
  DRAFT: 'blue.9',
  SUBMITTED: 'teal.9',
  OVERDUE: 'red.9',
  NOT_NEEDED: 'gray.7',
};

type Interview = MyInterviewsQuery['myInterviews'][number];

/** The caller's scorecard for an interview: not started, draft, submitted, or overdue (past its due time). */
export function scorecardState(interview: Interview, userId: string, now = Date.now()): ScorecardState {
  if (interview.status === 'CANCELLED') return 'NOT_NEEDED';
  const own = interview.scorecards.find((card) => card.interviewer.id === userId);
  if (own?.status === 'SUBMITTED') return 'SUBMITTED';
  const due = own
    ? new Date(own.dueAt).getTime()
    : new Date(interview.endsAt).getTime() + interview.stage.feedbackDueHours * 3_600_000;
  if (due < now) return 'OVERDUE';
  return own ? 'DRAFT' : 'NOT_STARTED';
}
