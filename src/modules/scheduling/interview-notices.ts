import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueJob, type JobPayloads } from '../../../libs/jobs';
import { NotificationsService, type NotificationKind } from '../notifications';
import type { Interview } from './interview.entity';

type Change = 'scheduled' | 'rescheduled' | 'cancelled';

const NOTICE: Record<
  Change,
  { kind: NotificationKind; candidateMail: JobPayloads['mail.candidate-interview']['kind']; verb: string }
> = {
  scheduled: { kind: 'INTERVIEW_SCHEDULED', candidateMail: 'INVITATION', verb: 'You are on the panel of' },
  rescheduled: { kind: 'INTERVIEW_RESCHEDULED', candidateMail: 'UPDATE', verb: 'This interview moved:' },
  cancelled: { kind: 'INTERVIEW_CANCELLED', candidateMail: 'CANCELLATION', verb: 'This interview is cancelled:' },
};

/** `Mon, 7 Dec 2026, 14:00 UTC`: notifications are read in many time zones. */
function utc(date: Date): string {
  return `${new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' }).format(date)} UTC`;
}

/**
 * Tells people when an interview is booked, moved or cancelled, inside the caller's transaction
 * (after the interview was changed): an in-app notification (and e-mail, per preference) to each
 * panelist, the candidate's e-mail with the calendar invite, and the reminders brought in line.
 * Jobs go through the outbox, so a rolled-back change tells nobody.
 */
@Injectable()
export class InterviewNotices {
  constructor(private readonly notifications: NotificationsService) {}

  /**
   * `panelChange` (a reschedule that changed the panel): the added panelists are told they are on
   * the panel, the removed ones that they were taken off it, the others that it moved.
   */
  async tell(
    em: EntityManager,
    interview: Interview,
    change: Change,
    panelChange: { added: readonly string[]; removed: readonly string[] } = { added: [], removed: [] },
  ): Promise<void> {
    await em.populate(interview, ['application.candidate', 'application.position', 'stage', 'panel.interviewer']);
    const what = `${interview.stage.name}: ${interview.application.candidate.name} for ${interview.application.position.title}`;
    const when = `${utc(interview.startsAt)} to ${utc(interview.endsAt)}`;
    const where = interview.location ? `, ${interview.location}` : '';
    const reason = change === 'cancelled' && interview.cancelReason ? ` Reason: ${interview.cancelReason}` : '';
    const added = new Set(panelChange.added);
    const panel = interview.panel.getItems().map((panelist) => panelist.interviewer.id);
    const notify = async (userIds: readonly string[], notice: (typeof NOTICE)[Change], body: string) => {
      await this.notifications.send(em, userIds, `${notice.kind.toLowerCase()}.${interview.id}.${interview.sequence}`, {
        kind: notice.kind,
        subject: what,
        body,
        link: interview.id,
      });
    };
    const notice = NOTICE[change];
    await notify(
      panel.filter((id) => !added.has(id)),
      notice,
      `${notice.verb} ${what}, ${when}${where}.${reason}`,
    );
    if (added.size) {
      const scheduled = NOTICE.scheduled;
      await notify([...added], scheduled, `${scheduled.verb} ${what}, ${when}${where}.`);
    }
    if (panelChange.removed.length) {
      await notify(panelChange.removed, NOTICE.cancelled, `You were taken off the panel of ${what}, ${when}.`);
    }
    if (!interview.application.candidate.erasedAt) {
      enqueueJob(
        em,
        'mail.candidate-interview',
        { interviewId: interview.id, sequence: interview.sequence, kind: notice.candidateMail },
        { jobId: `mail-candidate.${notice.candidateMail}.${interview.id}.${interview.sequence}` },
      );
    }
    enqueueJob(
      em,
      'scheduling.sync-interview-reminders',
      { interviewId: interview.id },
      { jobId: `interview-reminders.${interview.id}.${interview.sequence}` },
    );
  }
}
