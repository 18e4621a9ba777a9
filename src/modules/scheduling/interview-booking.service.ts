import { Injectable } from '@nestjs/common';
import { DeadlockException, EntityManager, LockMode } from '@mikro-orm/postgresql';
import { ApplicationStatus, InterviewStatus } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { isExclusionViolation } from '../../common/errors/constraint-errors';
import {
  BadUserInputException,
  ConflictException,
  NotFoundException,
  type FieldErrors,
} from '../../common/errors/domain.exception';
import { AccessService, Permission } from '../access';
import { Application } from '../pipeline';
import { BookingChecks } from './booking-checks';
import { Interview, InterviewPanelist } from './interview.entity';
import { INTERVIEW_GRAPH, InterviewsService } from './interviews.service';
import { WebhookEvent } from '../webhooks';
import { InterviewEvents } from './interview-events';
import { InterviewNotices } from './interview-notices';
import { SchedulingHooks } from './scheduling-hooks';

export interface ScheduleRequest {
  applicationId: string;
  startsAt: Date;
  endsAt: Date;
  interviewerIds: string[];
  location?: string | null;
}

/** A booking may start this much before now (an interview booked as it begins). */
const START_TOLERANCE_MS = 5 * 60_000;
/** Nobody books an interview further ahead than this: a later time is a typo (year 9999). */
const MAX_YEARS_AHEAD = 2;

function latestStart(now: number): Date {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_YEARS_AHEAD);
  return latest;
}

/** The times being booked; on a reschedule, the interview moved (its old times are no clash). */
interface BookingTimes {
  startsAt: Date;
  endsAt: Date;
  interviewId?: string;
}

/** Booking: schedule, reschedule, cancel and complete interviews; no interviewer is double-booked. */
/** How many times a booking runs when simultaneous bookings deadlock (see withBookingConflicts). */
const BOOKING_ATTEMPTS = 3;

@Injectable()
export class InterviewBookingService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
    private readonly checks: BookingChecks,
    private readonly interviews: InterviewsService,
    private readonly hooks: SchedulingHooks,
    private readonly events: InterviewEvents,
    private readonly notices: InterviewNotices,
  ) {}

  /** Books an interview for the application's current stage with a panel; returns it as the caller reads it. */
  async schedule(actor: Actor, request: ScheduleRequest): Promise<Interview> {
    const booked = await this.withBookingConflicts(request, async (em) => {
      // FOR SHARE: no transition (FOR UPDATE) can change the application while it is being booked.
      const application = await em.findOne(
        Application,
        { id: request.applicationId },
        { lockMode: LockMode.PESSIMISTIC_READ },
      );
      if (!application) throw new NotFoundException('Application', request.applicationId);
      await em.populate(application, ['currentStage', 'candidate']);
      const position = await this.checks.positionFor(em, actor, application);
      if (application.status !== ApplicationStatus.ACTIVE || !application.currentStage) {
        throw new ConflictException(
          `The application is ${application.status}${application.currentStage ? '' : ' and in no stage'}; interviews are scheduled for active applications in a stage.`,
        );
      }
      const panel = await this.checks.panel(em, position, request.interviewerIds);
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
      await this.events.emit(em, WebhookEvent.INTERVIEW_SCHEDULED, interview);
      await em.flush();
      await this.notices.tell(em, interview, 'scheduled');
      return interview;
    });
    return this.interviews.get(actor, booked.id);
  }

  /**
   * New times and, when `interviewerIds` is given, a new panel (the same rules as booking). Removed
   * panelists lose their panel row, and with it whatever they could see only through this interview;
   * one who already started a scorecard for it cannot be removed.
   */
  async reschedule(
    actor: Actor,
    input: { interviewId: string; startsAt: Date; endsAt: Date; interviewerIds?: string[] | null },
  ): Promise<Interview> {
    return this.withBookingConflicts(input, async (em) => {
      const interview = await this.loadForChange(em, actor, input.interviewId, Permission.InterviewManage);
      this.assertScheduled(interview, 'rescheduled');
      this.checkTimes(input.startsAt, input.endsAt);
      interview.startsAt = input.startsAt;
      interview.endsAt = input.endsAt;
      interview.sequence += 1;
      const panelChange = { added: [] as string[], removed: [] as string[] };
      if (input.interviewerIds != null) {
        const panel = await this.checks.panel(em, interview.application.position, input.interviewerIds);
        const wanted = new Set(panel.map((user) => user.id));
        const removed = interview.panel.getItems().filter((panelist) => !wanted.has(panelist.interviewer.id));
        panelChange.removed = removed.map((panelist) => panelist.interviewer.id);
        await this.assertNoScorecards(em, interview, removed);
        for (const panelist of removed) {
          interview.panel.remove(panelist);
          em.remove(panelist);
        }
        // Removals first: the exclusion constraint sees the panel as it will be.
        await em.flush();
        const kept = new Set(interview.panel.getItems().map((panelist) => panelist.interviewer.id));
        for (const user of panel) {
          if (kept.has(user.id)) continue;
          interview.panel.add(new InterviewPanelist(interview, user));
          panelChange.added.push(user.id);
        }
      }
      for (const panelist of interview.panel)
        Object.assign(panelist, { startsAt: input.startsAt, endsAt: input.endsAt });
      await this.events.emit(em, WebhookEvent.INTERVIEW_RESCHEDULED, interview);
      await em.flush();
      await this.notices.tell(em, interview, 'rescheduled', panelChange);
      return interview;
    });
  }

  /** A panelist who has started a scorecard for the interview stays on it: their work would be orphaned. */
  private async assertNoScorecards(
    em: EntityManager,
    interview: Interview,
    leaving: InterviewPanelist[],
  ): Promise<void> {
    if (leaving.length === 0) return;
    // Raw SQL: scorecards sit above scheduling in the module layers.
    const rows = await em.execute<Array<{ interviewer_id: string }>>(
      'select interviewer_id from scorecard where interview_id = ? and interviewer_id = any(?::uuid[])',
      [interview.id, `{${leaving.map((panelist) => panelist.interviewer.id).join(',')}}`],
    );
    if (rows.length === 0) return;
    const names = leaving
      .filter((panelist) => rows.some((row) => row.interviewer_id === panelist.interviewer.id))
      .map((panelist) => panelist.interviewer.name);
    throw new ConflictException(
      `${names.join(', ')} already started a scorecard for this interview and cannot be taken off its panel; cancel the interview and book a new one instead.`,
    );
  }

  async cancel(actor: Actor, input: { interviewId: string; reason?: string | null }): Promise<Interview> {
    return this.em.fork().transactional(async (em) => {
      const interview = await this.loadForChange(em, actor, input.interviewId, Permission.InterviewManage);
      this.assertScheduled(interview, 'cancelled');
      interview.status = InterviewStatus.CANCELLED;
      interview.cancelReason = input.reason?.trim() || null;
      interview.sequence += 1;
      for (const panelist of interview.panel) panelist.blocksCalendar = false;
      await this.events.emit(em, WebhookEvent.INTERVIEW_CANCELLED, interview);
      await em.flush();
      await this.notices.tell(em, interview, 'cancelled');
      // The cancelled interview may have been the last one the stage waited for.
      await this.hooks.run('interview-closed', { em, interview });
      return interview;
    });
  }

  /** COMPLETED, or NO_SHOW when the candidate did not come; only once the interview has started. */
  async complete(actor: Actor, input: { interviewId: string; noShow?: boolean | null }): Promise<Interview> {
    return this.em.fork().transactional(async (em) => {
      const interview = await this.loadForChange(em, actor, input.interviewId, Permission.InterviewComplete);
      this.assertScheduled(interview, 'completed');
      if (interview.startsAt.getTime() > Date.now()) {
        throw new ConflictException(
          `The interview starts at ${interview.startsAt.toISOString()}; it can be completed only once it has started.`,
        );
      }
      interview.status = input.noShow ? InterviewStatus.NO_SHOW : InterviewStatus.COMPLETED;
      for (const panelist of interview.panel) panelist.blocksCalendar = false;
      await em.flush();
      await this.hooks.run('interview-closed', { em, interview });
      return interview;
    });
  }

  private checkTimes(startsAt: Date, endsAt: Date): void {
    const fields: FieldErrors = {};
    const now = Date.now();
    if (startsAt.getTime() < now - START_TOLERANCE_MS) {
      fields['input.startsAt'] = `must not be in the past (now is ${new Date(now).toISOString()})`;
    } else if (startsAt.getTime() > latestStart(now).getTime()) {
      fields['input.startsAt'] =
        `must be at most ${MAX_YEARS_AHEAD} years ahead (before ${latestStart(now).toISOString()})`;
    }
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

  /** Locks the interview once the caller may take this action on it. */
  private async loadForChange(
    em: EntityManager,
    actor: Actor,
    id: string,
    permission: Permission.InterviewManage | Permission.InterviewComplete,
  ): Promise<Interview> {
    const locked = await em.findOne(Interview, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!locked) throw new NotFoundException('Interview', id);
    await this.access.require(actor, permission, id, em);
    return em.populate(locked, INTERVIEW_GRAPH);
  }

  /**
   * Runs a booking in a transaction; the database's exclusion constraints refuse a double booking
   * of an interviewer or of the candidate, which becomes a CONFLICT naming the clash. Simultaneous
   * bookings of one person can also deadlock on those constraints' checks: the loser's transaction
   * was rolled back whole, so it runs again (up to BOOKING_ATTEMPTS times) and then meets the
   * constraint like any later booking, with the message naming the clash.
   */
  private async withBookingConflicts(
    times: BookingTimes,
    work: (em: EntityManager) => Promise<Interview>,
  ): Promise<Interview> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.em.fork().transactional(work);
      } catch (error) {
        if (error instanceof DeadlockException && attempt < BOOKING_ATTEMPTS) continue;
        throw await this.bookingConflict(times, error);
      }
    }
  }

  /** A refused booking as the CONFLICT that names the clash; any other error as it is. */
  private async bookingConflict(times: BookingTimes, error: unknown): Promise<unknown> {
    if (!isExclusionViolation(error)) return error;
    if (error.constraint === 'interview_no_double_booking_candidate') {
      return this.candidateClash(times, error.detail ?? '');
    }
    return this.interviewerClash(times, error.detail ?? '');
  }

  private async interviewerClash(times: BookingTimes, detail: string): Promise<ConflictException> {
    const interviewerId = /\(interviewer_id, tstzrange\(starts_at, ends_at, '\[\)'::text\)\)=\(([0-9a-f-]{36})/.exec(
      detail,
    )?.[1];
    const clash = interviewerId
      ? await this.em.fork().findOne(
          InterviewPanelist,
          {
            interviewer: interviewerId,
            blocksCalendar: true,
            ...(times.interviewId ? { interview: { $ne: times.interviewId } } : {}),
            startsAt: { $lt: times.endsAt },
            endsAt: { $gt: times.startsAt },
          },
          { populate: ['interviewer'] },
        )
      : null;
    return new ConflictException(
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

  /** The candidate's scheduled interview in the way: which one (id and stage) and when. */
  private async candidateClash(times: BookingTimes, detail: string): Promise<ConflictException> {
    const candidateId = /\(candidate_id, tstzrange\(starts_at, ends_at, '\[\)'::text\)\)=\(([0-9a-f-]{36})/.exec(
      detail,
    )?.[1];
    const clash = candidateId
      ? await this.em.fork().findOne(
          Interview,
          {
            candidate: candidateId,
            status: InterviewStatus.SCHEDULED,
            ...(times.interviewId ? { id: { $ne: times.interviewId } } : {}),
            startsAt: { $lt: times.endsAt },
            endsAt: { $gt: times.startsAt },
          },
          { populate: ['stage'] },
        )
      : null;
    return new ConflictException(
      clash
        ? `The candidate already has an interview (${clash.stage.name}, id ${clash.id}) from ${clash.startsAt.toISOString()} to ${clash.endsAt.toISOString()}; a candidate cannot be in two interviews at once, pick another time.`
        : 'The candidate already has an interview at that time; pick another time.',
      clash
        ? {
            candidateId,
            interviewId: clash.id,
            clashStartsAt: clash.startsAt.toISOString(),
            clashEndsAt: clash.endsAt.toISOString(),
          }
        : { candidateId },
    );
  }
}
