import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/auth/actor';
import { NotFoundException } from '../../common/errors/domain.exception';
import { AccessService, Permission } from '../access';
import { User, UserService } from '../identity';
import { renderFeed, renderInvite } from './calendar-invite';
import { Interview } from './interview.entity';

/** What an interview is shown with: its panel, its application's candidate and position, its stage. */
export const INTERVIEW_GRAPH = ['panel.interviewer', 'application.candidate', 'application.position', 'stage'] as const;

/** Reading interviews, and rendering them as calendars. */
@Injectable()
export class InterviewsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
    private readonly users: UserService,
  ) {}

  async get(actor: Actor, id: string): Promise<Interview> {
    await this.access.require(actor, Permission.InterviewRead, id);
    const interview = await this.em.findOne(Interview, { id }, { populate: INTERVIEW_GRAPH });
    if (!interview) throw new NotFoundException('Interview', id);
    return interview;
  }

  /**
   * The caller's interviews (as a panelist), soonest first. The range is put on the caller's own
   * panel rows, which carry the interview's times, so that their (interviewer, starts_at) index
   * finds them however long the caller's history and however many interviews the database holds.
   */
  mine(actor: Actor, range: { from?: Date | null; to?: Date | null }): Promise<Interview[]> {
    return this.em.find(
      Interview,
      {
        panel: {
          interviewer: actor.userId,
          ...(range.from || range.to
            ? { startsAt: { ...(range.from ? { $gte: range.from } : {}), ...(range.to ? { $lt: range.to } : {}) } }
            : {}),
        },
      },
      { populate: INTERVIEW_GRAPH, orderBy: { startsAt: 'asc', id: 'asc' } },
    );
  }

  byIds(ids: readonly string[]): Promise<Interview[]> {
    return this.em.find(Interview, { id: { $in: [...ids] } }, { populate: INTERVIEW_GRAPH });
  }

  ofApplications(applicationIds: readonly string[]): Promise<Interview[]> {
    return this.em.find(
      Interview,
      { application: { $in: [...applicationIds] } },
      { populate: INTERVIEW_GRAPH, orderBy: { startsAt: 'asc' } },
    );
  }

  /**
   * The invite as the caller sees it: in their time zone, with the candidate only if they may see
   * contact details, and colleagues only if they may see their e-mail addresses.
   */
  async calendarInvite(actor: Actor, interview: Interview): Promise<string> {
    const panel = interview.panel.getItems().map((panelist) => panelist.interviewer.id);
    const [user, contact, colleagues] = await Promise.all([
      actor.userId ? this.users.get(actor.userId) : null,
      this.access.can(actor, Permission.CandidateContactRead, interview.application.candidate.id),
      this.access.allowed(actor, Permission.UserDetailsRead, panel),
    ]);
    return renderInvite(
      interview,
      { withCandidate: contact, showsPanelist: (userId) => colleagues.has(userId) },
      user?.timezone,
    );
  }

  /** The user's scheduled interviews from a week ago on, for calendar subscriptions; null for no active user. */
  async feed(userId: string): Promise<string | null> {
    const user = await this.em.findOne(User, { id: userId, deactivatedAt: null });
    if (!user) return null;
    const interviews = await this.em.find(
      Interview,
      {
        // On the owner's panel rows (they carry the times), as in mine().
        panel: { interviewer: userId, endsAt: { $gte: new Date(Date.now() - 7 * 86_400_000) } },
        // An erased candidate's interviews leave every calendar feed.
        application: { candidate: { erasedAt: null } },
      },
      { populate: INTERVIEW_GRAPH, orderBy: { startsAt: 'asc' } },
    );
    // The feed shows what its owner may see: colleagues' addresses only for staff.
    const owner = { kind: 'user' as const, userId: user.id, roles: user.roles };
    const staff = this.access.grantsAll(owner, Permission.UserDetailsRead);
    return renderFeed(user, interviews, (panelistId) => staff || panelistId === user.id);
  }
}
