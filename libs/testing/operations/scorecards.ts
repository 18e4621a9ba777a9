import { operation } from './operation';

export interface ScorecardContentInput {
  ratings?: Array<{ criterionId: string; score: number; evidence?: string }>;
  questionRatings?: Array<{ questionId: string; score: number; note?: string }>;
  skillVerdicts?: Array<{ skillId: string; verdict: string; evidence?: string }>;
  redFlags?: string[];
  recommendation?: string | null;
  notes?: string;
}

export interface SaveScorecardInput extends ScorecardContentInput {
  interviewId: string;
  ratings: NonNullable<ScorecardContentInput['ratings']>;
}

export interface QuestionRatingFields {
  question: { id: string; prompt: string };
  score: number;
  note: string | null;
}

export const SAVE_SCORECARD = operation<
  {
    saveScorecard: {
      scorecard: {
        id: string;
        status: string;
        dueAt: string;
        weightedScore: number | null;
        questionRatings: QuestionRatingFields[];
      };
    };
  },
  { input: SaveScorecardInput }
>(`mutation SaveScorecard($input: SaveScorecardInput!) {
  saveScorecard(input: $input) {
    scorecard { id status dueAt weightedScore questionRatings { question { id prompt } score note } }
  }
}`);

export const SUBMIT_SCORECARD = operation<
  {
    submitScorecard: {
      scorecard: {
        id: string;
        status: string;
        submittedAt: string | null;
        weightedScore: number | null;
        questionRatings: QuestionRatingFields[];
      };
    };
  },
  { input: { scorecardId: string } }
>(`mutation SubmitScorecard($input: SubmitScorecardInput!) {
  submitScorecard(input: $input) {
    scorecard { id status submittedAt weightedScore questionRatings { question { id prompt } score note } }
  }
}`);

export type AmendScorecardInput = ScorecardContentInput & { scorecardId: string; reason: string };

/** An amendment, answered with the recommendation and the amendment history. */
export const AMEND_SCORECARD = operation<
  {
    amendScorecard: {
      scorecard: { recommendation: string | null; amendments: Array<{ reason: string; author: { email: string } }> };
    };
  },
  { input: AmendScorecardInput }
>(`mutation AmendScorecard($input: AmendScorecardInput!) {
  amendScorecard(input: $input) { scorecard { recommendation amendments { reason author { email } } } }
}`);

/** An amendment, answered with the question ratings. */
export const AMEND_SCORECARD_RATINGS = operation<
  { amendScorecard: { scorecard: { id: string; status: string; questionRatings: QuestionRatingFields[] } } },
  { input: AmendScorecardInput }
>(`mutation AmendScorecardRatings($input: AmendScorecardInput!) {
  amendScorecard(input: $input) { scorecard { id status questionRatings { question { id prompt } score note } } }
}`);

export const SCORECARD = operation<
  {
    scorecard: {
      id: string;
      recommendation: string | null;
      questionRatings: Array<{ question: { id: string }; score: number }>;
    };
  },
  { id: string }
>(`query Scorecard($id: ID!) { scorecard(id: $id) { id recommendation questionRatings { question { id } score } } }`);

/** Who wrote which of an interview's scorecards the caller may read, and how far they are. */
export const INTERVIEW_SCORECARDS = operation<
  { interview: { scorecards: Array<{ interviewer: { email: string }; status: string }> } | null },
  { id: string }
>(`query InterviewScorecards($id: ID!) { interview(id: $id) { scorecards { interviewer { email } status } } }`);

/** The ratings of an interview's scorecards the caller may read. */
export const INTERVIEW_SCORECARD_RATINGS = operation<
  {
    interview: {
      scorecards: Array<{
        id: string;
        interviewer: { name: string };
        ratings: Array<{ score: number; criterion: { name: string } }>;
        questionRatings: Array<{ question: { id: string }; score: number }>;
      }>;
    } | null;
  },
  { id: string }
>(`query InterviewScorecardRatings($id: ID!) {
  interview(id: $id) {
    scorecards { id interviewer { name } ratings { score criterion { name } } questionRatings { question { id } score } }
  }
}`);

export const MY_NOTIFICATIONS = operation<
  { myNotifications: Array<{ kind: string; subject: string; link: string | null }> },
  { unreadOnly?: boolean }
>(`query MyNotifications($unreadOnly: Boolean) { myNotifications(unreadOnly: $unreadOnly) { kind subject link } }`);
