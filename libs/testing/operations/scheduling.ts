import { operation } from './operation';

export interface ScheduleInterviewInput {
  applicationId: string;
  startsAt: string;
  endsAt: string;
  interviewerIds: string[];
  location?: string;
}

export const SCHEDULE_INTERVIEW = operation<
  {
    scheduleInterview: {
      interview: {
        id: string;
        status: string;
        startsAt: string;
        endsAt: string;
        interviewers: Array<{ email: string }>;
        calendarInvite: string;
        stage: { name: string; rubric: { id: string } | null };
      };
    };
  },
  { input: ScheduleInterviewInput }
>(`mutation ScheduleInterview($input: ScheduleInterviewInput!) {
  scheduleInterview(input: $input) {
    interview { id status startsAt endsAt interviewers { email } calendarInvite stage { name rubric { id } } }
  }
}`);

export const RESCHEDULE_INTERVIEW = operation<
  { rescheduleInterview: { interview: { startsAt: string; interviewers: Array<{ id: string }> } } },
  { input: { interviewId: string; startsAt: string; endsAt: string; interviewerIds?: string[] } }
>(`mutation RescheduleInterview($input: RescheduleInterviewInput!) {
  rescheduleInterview(input: $input) { interview { startsAt interviewers { id } } }
}`);

export const CANCEL_INTERVIEW = operation<
  { cancelInterview: { interview: { status: string } } },
  { input: { interviewId: string; reason?: string } }
>(
  `mutation CancelInterview($input: CancelInterviewInput!) { cancelInterview(input: $input) { interview { status } } }`,
);

export const COMPLETE_INTERVIEW = operation<
  { completeInterview: { interview: { status: string } } },
  { input: { interviewId: string; noShow?: boolean } }
>(`mutation CompleteInterview($input: CompleteInterviewInput!) {
  completeInterview(input: $input) { interview { status } }
}`);

export const INTERVIEW_INVITE = operation<
  { interview: { status: string; calendarInvite: string } | null },
  { id: string }
>(`query InterviewInvite($id: ID!) { interview(id: $id) { status calendarInvite } }`);

/** The caller's interviews as a panelist reads them: the candidate, the stage and its questions. */
export const MY_INTERVIEWS = operation<{
  myInterviews: Array<{
    application: {
      id: string;
      candidate: { name: string; email: string | null; phone: string | null };
      currentStage: { name: string } | null;
    };
    stage: { questions: Array<{ prompt: string }> };
  }>;
}>(`query MyInterviews {
  myInterviews {
    application { id candidate { name email phone } currentStage { name } } stage { questions { prompt } }
  }
}`);

export const MY_INTERVIEW_INVITES = operation<{ myInterviews: Array<{ calendarInvite: string }> }>(
  `query MyInterviewInvites { myInterviews { calendarInvite } }`,
);

/** What a panelist can read of the position behind their interviews. */
export const MY_INTERVIEW_POSITIONS = operation<{
  myInterviews: Array<{
    application: {
      position: {
        recruiters: Array<{ email: string }>;
        plan: { stages: Array<{ id: string }>; skillRequirements: Array<{ skill: { name: string } }> };
      };
    };
    stage: { id: string };
  }>;
}>(`query MyInterviewPositions {
  myInterviews {
    application { position { recruiters { email } plan { stages { id } skillRequirements { skill { name } } } } }
    stage { id }
  }
}`);

export const SUGGEST_INTERVIEW_SLOTS = operation<
  { suggestInterviewSlots: Array<{ startsAt: string; endsAt: string; panelLoad: number; interviewerIds: string[] }> },
  {
    input: {
      applicationId: string;
      durationMinutes: number;
      from: string;
      to: string;
      interviewerIds: string[];
      panelSize?: number;
    };
  }
>(`query SuggestInterviewSlots($input: SuggestInterviewSlotsInput!) {
  suggestInterviewSlots(input: $input) { startsAt endsAt panelLoad interviewerIds }
}`);

export const MY_CALENDAR_FEED_URL = operation<{ myCalendarFeedUrl: string }>(
  `query MyCalendarFeedUrl { myCalendarFeedUrl }`,
);
