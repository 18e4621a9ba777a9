import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import {
  ApplicationStatus,
  InterviewStatus,
  PositionStatus,
  Role,
  suggestSlots,
  weekBounds,
  type SuggestedSlot,
} from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import {
  BadUserInputException,
  ConflictException,
  NotFoundException,
  type FieldErrors,
} from '../../common/errors/domain.exception';
import { AccessPolicy } from '../../common/policy/access-policy';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Application } from '../candidates/application.entity';
import { ApplicationAccess } from '../candidates/application-access';
import { User } from '../identity/user.entity';
import { Position } from '../positions/position.entity';
import { StageDecisionService } from '../scorecards/stage-decision.service';
import { Interview, InterviewPanelist } from './interview.entity';

const EXCLUSION_VIOLATION = '23P01';
const INTERVIEW_GRAPH = ['panel.interviewer', 'application.candidate', 'application.position', 'stage'] as const;

export interface ScheduleRequest {
  applicationId: string;
  startsAt: Date;
  endsAt: Date;
  interviewerIds: string[];
  location?: string | null;
}

@Injectable()
export class SchedulingService {
  constructor(
    private readonly em: EntityManager,
    private readonly policy: AccessPolicy,
    private readonly access: ApplicationAccess,
    private readonly decisions: StageDecisionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Books an interview for the application's current stage with a panel; no interviewer is double-booked. */
  async schedule(actor: Actor, request: ScheduleRequest): Promise<Interview> {
    return this.withBookingConflicts(request, async (em) => {
      // FOR SHARE: no transition (FOR UPDATE) can change the application while it is being booked.
      const application = await em.findOne(
        Application,
        { id: request.applicationId },
        { lockMode: LockMode.PESSIMISTIC_READ },
      );
      if (!application) throw new NotFoundException('Application', request.applicationId);
      await em.populate(application, ['currentStage', 'candidate']);
      const position = await this.positionFor(em, actor, application);
      if (application.status !== ApplicationStatus.ACTIVE || !application.currentStage) {
        throw new ConflictException(
          `The application is ${application.status}${application.currentStage ? '' : ' and in no stage'}; interviews are scheduled for active applications in a stage.`,
        );
      }
      const panel = await this.panel(em, position, request.interviewerIds);
      this.checkTimes(request.startsAt, request.endsAt);
      const interview = new Interview({
        application,
        stage: application.currentStage,
        startsAt: request.startsAt,
        endsAt: request.endsAt,
        location: request.location?.trim() || null,
      });
      em.persist(interview);
      for (const interviewer of panel) interview.panel.add(new InterviewPanelist(interview, interviewer));
      await em.flush();
      return interview;
    });
  }

  async reschedule(actor: Actor, input: { interviewId: string; startsAt: Date; endsAt: Date }): Promise<Interview> {
    return this.withBookingConflicts(input, async (em) => {
      const interview = await this.loadForChange(em, actor, input.interviewId);
      this.assertScheduled(interview, 'rescheduled');
      this.checkTimes(input.startsAt, input.endsAt);
      interview.startsAt = input.startsAt;
      interview.endsAt = input.endsAt;
      interview.sequence += 1;
      for (const panelist of interview.panel)
        Object.assign(panelist, { startsAt: input.startsAt, endsAt: input.endsAt });
      await em.flush();
      return interview;
    });
  }

  async cancel(actor: Actor, input: { interviewId: string; reason?: string | null }): Promise<Interview> {
    return this.em.fork().transactional(async (em) => {
      const interview = await this.loadForChange(em, actor, input.interviewId);
      this.assertScheduled(interview, 'cancelled');
      interview.status = InterviewStatus.CANCELLED;
      interview.cancelReason = input.reason?.trim() || null;
      interview.sequence += 1;
      for (const panelist of interview.panel) panelist.blocksCalendar = false;
      await em.flush();
      // The cancelled interview may have been the last one the stage waited for.
      await this.decisions.evaluate(em, interview.application.id, interview.stage.id);
      return interview;
    });
  }

  /** COMPLETED, or NO_SHOW when the candidate did not come; only once the interview has started. */
  async complete(actor: Actor, input: { interviewId: string; noShow?: boolean | null }): Promise<Interview> {
    return this.em.fork().transactional(async (em) => {
      const interview = await this.loadForChange(em, actor, input.interviewId, true);
      this.assertScheduled(interview, 'completed');
      if (interview.startsAt.getTime() > Date.now()) {
        throw new ConflictException(
          `The interview starts at ${interview.startsAt.toISOString()}; it can be completed only once it has started.`,
        );
      }
      interview.status = input.noShow ? InterviewStatus.NO_SHOW : InterviewStatus.COMPLETED;
      for (const panelist of interview.panel) panelist.blocksCalendar = false;
      await em.flush();
      await this.decisions.evaluate(em, interview.application.id, interview.stage.id);
      return interview;
    });
  }

  async get(actor: Actor, id: string): Promise<Interview> {
    const interview = await this.em.findOne(Interview, { id }, { populate: INTERVIEW_GRAPH });
    if (!interview || !(await this.access.canRead(actor, interview.application.id)))
      throw new NotFoundException('Interview', id);
    return interview;
  }

  /** The caller's interviews (as a panelist), soonest first. */
  myInterviews(actor: Actor, range: { from?: Date | null; to?: Date | null }): Promise<Interview[]> {
    return this.em.find(
      Interview,
      {
        panel: { interviewer: actor.userId },
        ...(range.from || range.to
          ? { startsAt: { ...(range.from ? { $gte: range.from } : {}), ...(range.to ? { $lt: range.to } : {}) } }
          : {}),
      },
      { populate: INTERVIEW_GRAPH, orderBy: { startsAt: 'asc' } },
    );
  }

  byIds(ids: readonly string[]): Promise<Interview[]> {
    return this.em.find(Interview, { id: { $in: [...ids] } }, { populate: INTERVIEW_GRAPH });
  }

  interviewsOf(applicationIds: readonly string[]): Promise<Interview[]> {
    return this.em.find(
      Interview,
      { application: { $in: [...applicationIds] } },
      { populate: INTERVIEW_GRAPH, orderBy: { startsAt: 'asc' } },
    );
  }

  /**
   * An RFC 5545 calendar with one event. UID is stable per interview, SEQUENCE grows with each
   * change, and a cancelled interview is sent with METHOD:CANCEL. The candidate is an attendee
   * only for callers who may see contact details.
   */
  calendarInvite(interview: Interview, withCandidate: boolean, timezone = 'UTC'): string {
    // Times are written in UTC (…Z), which every client converts; the reader's local time is in the text.
    const calendar = ical({ prodId: { company: 'interview-pipeline', product: 'interviews' } });
    this.addEvent(calendar, interview, withCandidate, timezone);
    calendar.method(
      interview.status === InterviewStatus.CANCELLED ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    );
    return calendar.toString();
  }

  /** The user's scheduled interviews from a week ago on, for calendar subscriptions. */
  async feed(userId: string): Promise<string | null> {
    const user = await this.em.findOne(User, { id: userId, deactivatedAt: null });
    if (!user) return null;
    const interviews = await this.em.find(
      Interview,
      { panel: { interviewer: userId }, endsAt: { $gte: new Date(Date.now() - 7 * 86_400_000) } },
      { populate: INTERVIEW_GRAPH, orderBy: { startsAt: 'asc' } },
    );
    const calendar = ical({
      name: `Interviews of ${user.name}`,
      prodId: { company: 'interview-pipeline', product: 'feed' },
    });
    calendar.method(ICalCalendarMethod.PUBLISH);
    for (const interview of interviews) this.addEvent(calendar, interview, false, user.timezone);
    return calendar.toString();
  }

  /** A feed URL path that needs no header: an HMAC of the user id is the credential. */
  feedPath(userId: string): string {
    return `/calendar/${userId}/${this.feedToken(userId)}.ics`;
  }

  verifyFeedToken(userId: string, token: string): boolean {
    const expected = Buffer.from(this.feedToken(userId));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** Free windows where the whole panel can meet, in each interviewer's working hours. */
  async suggest(
    actor: Actor,
    input: {
      applicationId: string;
      durationMinutes: number;
      from: Date;
      to: Date;
      interviewerIds: string[];
      panelSize?: number;
    },
  ): Promise<Array<SuggestedSlot & { interviewerIds: string[] }>> {
    const application = await this.em.findOne(Application, { id: input.applicationId });
    if (!application) throw new NotFoundException('Application', input.applicationId);
    const position = await this.positionFor(this.em, actor, application);
    const panel = await this.panel(this.em, position, input.interviewerIds);
    if (!(input.to > input.from))
      throw new BadUserInputException('to must be after from.', { to: 'must be after from' });
    if (input.to.getTime() - input.from.getTime() > 31 * 86_400_000) {
      throw new BadUserInputException('Search at most 31 days at a time.', { to: 'at most 31 days after from' });
    }
    const members = await Promise.all(
      panel.map(async (user) => {
        const busy = await this.em.find(InterviewPanelist, {
          interviewer: user,
          blocksCalendar: true,
          startsAt: { $lt: input.to },
          endsAt: { $gt: input.from },
        });
        const week = weekBounds(input.from, user.timezone);
        const interviewsThisWeek = await this.em.count(InterviewPanelist, {
          interviewer: user,
          blocksCalendar: true,
          startsAt: { $gte: week.start, $lt: week.end },
        });
        return {
          id: user.id,
          timezone: user.timezone,
          busy: busy.map((row) => ({ start: row.startsAt, end: row.endsAt })),
          interviewsThisWeek,
        };
      }),
    );
    const search = { durationMinutes: input.durationMinutes, from: input.from, to: input.to };
    if (!input.panelSize || input.panelSize >= members.length) {
      return suggestSlots({ ...search, panel: members }).map((slot) => ({
        ...slot,
        interviewerIds: members.map((m) => m.id),
      }));
    }
    // Per window, the panelSize free interviewers with the lightest week; lightest windows first.
    const freeAt = new Map<number, typeof members>();
    for (const member of members) {
      for (const slot of suggestSlots({ ...search, panel: [member], limit: 10_000 })) {
        freeAt.set(slot.start.getTime(), [...(freeAt.get(slot.start.getTime()) ?? []), member]);
      }
    }
    const size = input.panelSize;
    return [...freeAt.entries()]
      .filter(([, free]) => free.length >= size)
      .map(([start, free]) => {
        const panel = [...free]
          .sort((a, b) => a.interviewsThisWeek - b.interviewsThisWeek || a.id.localeCompare(b.id))
          .slice(0, size);
        return {
          start: new Date(start),
          end: new Date(start + input.durationMinutes * 60_000),
          load: panel.reduce((sum, member) => sum + member.interviewsThisWeek, 0),
          interviewerIds: panel.map((member) => member.id),
        };
      })
      .sort((a, b) => a.load - b.load || a.start.getTime() - b.start.getTime())
      .slice(0, 10);
  }

  private addEvent(
    calendar: ReturnType<typeof ical>,
    interview: Interview,
    withCandidate: boolean,
    timezone: string,
  ): void {
    const cancelled = interview.status === InterviewStatus.CANCELLED;
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, dateStyle: 'full', timeStyle: 'short' });
    const event = calendar.createEvent({
      id: `interview-${interview.id}@interview-pipeline`,
      sequence: interview.sequence,
      start: interview.startsAt,
      end: interview.endsAt,
      summary: `${interview.stage.name}: ${interview.application.candidate.name} for ${interview.application.position.title}`,
      location: interview.location ?? undefined,
      description: [
        `${local.format(interview.startsAt)} to ${local.format(interview.endsAt)} (${timezone})`,
        `Stage: ${interview.stage.name}. The interview kit is in interview-pipeline.`,
        cancelled && interview.cancelReason ? `Cancelled: ${interview.cancelReason}` : null,
      ]
        .filter(Boolean)
        .join('\n'),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: interview.updatedAt,
    });
    for (const panelist of interview.panel)
      event.createAttendee({ email: panelist.interviewer.email, name: panelist.interviewer.name });
    if (withCandidate)
      event.createAttendee({
        email: interview.application.candidate.email,
        name: interview.application.candidate.name,
      });
  }

  private feedToken(userId: string): string {
    return createHmac('sha256', this.config.auth.accessSecret).update(`calendar-feed:${userId}`).digest('base64url');
  }

  private async positionFor(em: EntityManager, actor: Actor, application: Application): Promise<Position> {
    const position = await em.findOneOrFail(Position, application.position.id, { populate: ['recruiters'] });
    this.policy.assert(
      this.policy.canRecruitFor(actor, position),
      `Only the recruiters of "${position.title}" and admins schedule its interviews.`,
    );
    if (position.status !== PositionStatus.OPEN) {
      throw new ConflictException(
        `Position "${position.title}" is ${position.status}; interviews are scheduled only for open positions.`,
      );
    }
    return position;
  }

  /** The panel: existing users who interview (INTERVIEWER role) or the position's hiring manager. */
  private async panel(em: EntityManager, position: Position, ids: string[]): Promise<User[]> {
    const unique = [...new Set(ids)];
    const fields: FieldErrors = {};
    if (unique.length === 0) fields['input.interviewerIds'] = 'name at least one interviewer';
    const users = await em.find(User, { id: { $in: unique }, deactivatedAt: null });
    for (const id of unique) {
      const user = users.find((candidate) => candidate.id === id);
      if (!user) fields['input.interviewerIds'] = `no active user has the id ${id}`;
      else if (!user.hasRole(Role.INTERVIEWER) && user.id !== position.hiringManager.id) {
        fields['input.interviewerIds'] = `${user.name} is neither an interviewer nor this position's hiring manager`;
      }
    }
    if (Object.keys(fields).length)
      throw new BadUserInputException('The panel is not valid: fix the listed fields.', fields);
    return users;
  }

  private checkTimes(startsAt: Date, endsAt: Date): void {
    const fields: FieldErrors = {};
    if (startsAt.getTime() <= Date.now()) fields['input.startsAt'] = 'must be in the future';
    if (endsAt.getTime() <= startsAt.getTime()) fields['input.endsAt'] = 'must be after startsAt';
    else if (endsAt.getTime() - startsAt.getTime() > 12 * 3_600_000)
      fields['input.endsAt'] = 'an interview lasts at most 12 hours';
    if (Object.keys(fields).length) throw new BadUserInputException('The interview times are not valid.', fields);
  }

  private assertScheduled(interview: Interview, verb: string): void {
    if (interview.status !== InterviewStatus.SCHEDULED) {
      throw new ConflictException(`The interview is ${interview.status}; only a SCHEDULED interview can be ${verb}.`);
    }
  }

  private async loadForChange(em: EntityManager, actor: Actor, id: string, panelMayAct = false): Promise<Interview> {
    const locked = await em.findOne(Interview, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!locked) throw new NotFoundException('Interview', id);
    const interview = await em.populate(locked, INTERVIEW_GRAPH);
    const position = await em.findOneOrFail(Position, interview.application.position.id, { populate: ['recruiters'] });
    const onPanel = interview.panel.getItems().some((panelist) => panelist.interviewer.id === actor.userId);
    this.policy.assert(
      this.policy.canRecruitFor(actor, position) || (panelMayAct && onPanel),
      `Only the recruiters of "${position.title}" and admins${panelMayAct ? ' (or the panel)' : ''} can change its interviews.`,
    );
    return interview;
  }

  /**
   * Runs a booking in a transaction; the database's exclusion constraint refuses a double booking,
   * which becomes a CONFLICT naming the interviewer and the interview in the way.
   */
  private async withBookingConflicts(
    times: { startsAt: Date; endsAt: Date },
    work: (em: EntityManager) => Promise<Interview>,
  ): Promise<Interview> {
    try {
      return await this.em.fork().transactional(work);
    } catch (error) {
      const cause = error as { code?: string; detail?: string };
      if (cause.code !== EXCLUSION_VIOLATION) throw error;
      const interviewerId = /\(interviewer_id, tstzrange\(starts_at, ends_at, '\[\)'::text\)\)=\(([0-9a-f-]{36})/.exec(
        cause.detail ?? '',
      )?.[1];
      const em = this.em.fork();
      const clash = interviewerId
        ? await em.findOne(
            InterviewPanelist,
            {
              interviewer: interviewerId,
              blocksCalendar: true,
              startsAt: { $lt: times.endsAt },
              endsAt: { $gt: times.startsAt },
            },
            { populate: ['interviewer'] },
          )
        : null;
      throw new ConflictException(
        clash
          ? `${clash.interviewer.name} is already booked from ${clash.startsAt.toISOString()} to ${clash.endsAt.toISOString()}; pick another time or interviewer.`
          : 'An interviewer on this panel is already booked at that time; pick another time or interviewer.',
        clash
          ? {
              interviewerId: clash.interviewer.id,
              clashStartsAt: clash.startsAt.toISOString(),
              clashEndsAt: clash.endsAt.toISOString(),
            }
          : undefined,
      );
    }
  }
}
