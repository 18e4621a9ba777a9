import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { InterviewStatus } from '../../../libs/domain';
import type { Interview } from './interview.entity';

/** Which attendees a reader may see: e-mail addresses are contact details. */
export interface InviteReader {
  /** The reader may see the candidate's contact details. */
  withCandidate: boolean;
  /** Whether a panelist is listed (colleagues' e-mails are for staff; everyone sees themself). */
  showsPanelist: (userId: string) => boolean;
  /**
   * The candidate's own copy: neither the interview kit nor internal notes (a cancel reason), and
   * no panelist (set showsPanelist to none).
   */
  forCandidate?: boolean;
  /** ORGANIZER of e-mailed invites: the service's own address (MAIL_FROM), never a person's. */
  organizer?: { name: string; email: string };
  /** The reader was taken off the panel: for them the event is cancelled (METHOD:CANCEL). */
  takenOff?: boolean;
}

/**
 * An RFC 5545 calendar with one event. UID is stable per interview, SEQUENCE grows with each
 * change, and a cancelled interview is sent with METHOD:CANCEL. Attendees are those the reader
 * may see. Panel, application (candidate, position) and stage must be loaded.
 */
export function renderInvite(interview: Interview, reader: InviteReader, timezone = 'UTC'): string {
  // Times are written in UTC (…Z), which every client converts; the reader's local time is in the text.
  const calendar = ical({ prodId: { company: 'interview-pipeline', product: 'interviews' } });
  addEvent(calendar, interview, reader, timezone);
  calendar.method(
    interview.status === InterviewStatus.CANCELLED || reader.takenOff
      ? ICalCalendarMethod.CANCEL
      : ICalCalendarMethod.REQUEST,
  );
  return calendar.toString();
}

/** A user's calendar subscription: their interviews, without the candidate as an attendee. */
export function renderFeed(
  user: { name: string; timezone: string },
  interviews: Interview[],
  showsPanelist: InviteReader['showsPanelist'],
): string {
  const calendar = ical({
    name: `Interviews of ${user.name}`,
    prodId: { company: 'interview-pipeline', product: 'feed' },
  });
  calendar.method(ICalCalendarMethod.PUBLISH);
  for (const interview of interviews)
    addEvent(calendar, interview, { withCandidate: false, showsPanelist }, user.timezone);
  return calendar.toString();
}

function addEvent(
  calendar: ReturnType<typeof ical>,
  interview: Interview,
  reader: InviteReader,
  timezone: string,
): void {
  const cancelled = interview.status === InterviewStatus.CANCELLED;
  const forCandidate = reader.forCandidate ?? false;
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, dateStyle: 'full', timeStyle: 'short' });
  const event = calendar.createEvent({
    id: `interview-${interview.id}@interview-pipeline`,
    sequence: interview.sequence,
    start: interview.startsAt,
    end: interview.endsAt,
    summary: forCandidate
      ? `${interview.stage.name} interview for ${interview.application.position.title}`
      : `${interview.stage.name}: ${interview.application.candidate.name} for ${interview.application.position.title}`,
    location: interview.location ?? undefined,
    description: [
      `${local.format(interview.startsAt)} to ${local.format(interview.endsAt)} (${timezone})`,
      forCandidate ? null : `Stage: ${interview.stage.name}. The interview kit is in interview-pipeline.`,
      !forCandidate && cancelled && interview.cancelReason ? `Cancelled: ${interview.cancelReason}` : null,
    ]
      .filter(Boolean)
      .join('\n'),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    stamp: interview.updatedAt,
    ...(reader.organizer ? { organizer: reader.organizer } : {}),
  });
  for (const panelist of interview.panel) {
    if (reader.showsPanelist(panelist.interviewer.id))
      event.createAttendee({ email: panelist.interviewer.email, name: panelist.interviewer.name });
  }
  if (reader.withCandidate)
    event.createAttendee({
      email: interview.application.candidate.email,
      name: interview.application.candidate.name,
    });
}
