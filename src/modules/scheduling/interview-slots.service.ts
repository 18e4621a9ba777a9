import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { allocatePanels, InterviewStatus, weekBounds, type PanelSlot } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { BadUserInputException, NotFoundException } from '../../common/errors/domain.exception';
import { Application } from '../pipeline';
import { BookingChecks } from './booking-checks';
import { Interview, InterviewPanelist } from './interview.entity';

/** Slot suggestions: each interviewer's bookings and week from the database, the choice from libs/domain. */
@Injectable()
export class InterviewSlotsService {
  constructor(
    private readonly em: EntityManager,
    private readonly checks: BookingChecks,
  ) {}

  /** Free windows where the panel and the candidate can meet, in each interviewer's working hours, never in the past. */
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
  ): Promise<PanelSlot[]> {
    const application = await this.em.findOne(Application, { id: input.applicationId });
    if (!application) throw new NotFoundException('Application', input.applicationId);
    const position = await this.checks.positionFor(this.em, actor, application);
    const panel = await this.checks.panel(this.em, position, input.interviewerIds);
    if (!(input.to > input.from))
      throw new BadUserInputException('to must be after from.', { to: 'must be after from' });
    if (input.to.getTime() - input.from.getTime() > 31 * 86_400_000) {
      throw new BadUserInputException('Search at most 31 days at a time.', { to: 'at most 31 days after from' });
    }
    // The candidate's own scheduled interviews block every panel's window (they cannot be in two).
    const candidateBusy = await this.em.find(Interview, {
      candidate: application.candidate,
      status: InterviewStatus.SCHEDULED,
      startsAt: { $lt: input.to },
      endsAt: { $gt: input.from },
    });
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
          workingHours: { startHour: user.workdayStartHour, endHour: user.workdayEndHour },
          busy: [...busy, ...candidateBusy].map((row) => ({ start: row.startsAt, end: row.endsAt })),
          interviewsThisWeek,
        };
      }),
    );
    return allocatePanels({
      members,
      durationMinutes: input.durationMinutes,
      from: input.from,
      to: input.to,
      panelSize: input.panelSize,
      now: new Date(),
    });
  }
}
