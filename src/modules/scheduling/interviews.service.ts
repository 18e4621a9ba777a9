import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/auth/actor';
import { NotFoundException } from '../../common/errors/domain.exception';
import { AccessService, Permission } from '../access';
import { User, UserService, userJson, type UserJson } from '../identity';
import { applicationJson } from '../pipeline';
import type { InterviewRow } from './graphql/interview.type';
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
   * The caller's interviews (as a panelist), soonest first, as plain rows. The range is put on the
   * caller's own panel rows, which carry the interview's times, so that their (interviewer,
   * starts_at) index finds them however long the caller's history and however many interviews the
   * database holds.
   */
  mine(actor: Actor, range: { from?: Date | null; to?: Date | null }): Promise<InterviewRow[]> {
    return this.rows(
      {
        join: `join interview_panelist mine on mine.interview_id = i.id and mine.interviewer_id = ?
          ${range.from ? 'and mine.starts_at >= ?' : ''} ${range.to ? 'and mine.starts_at < ?' : ''}`,
      },
      [actor.userId, ...(range.from ? [range.from] : []), ...(range.to ? [range.to] : [])],
    );
  }

  byIds(ids: readonly string[]): Promise<InterviewRow[]> {
    return this.rows({ where: 'i.id = any(?::uuid[])' }, [`{${ids.join(',')}}`]);
  }

  ofApplications(applicationIds: readonly string[]): Promise<InterviewRow[]> {
    return this.rows({ where: 'i.application_id = any(?::uuid[])' }, [`{${applicationIds.join(',')}}`]);
  }

  /** Interviews as entities with INTERVIEW_GRAPH (what calendar invites render from). */
  entities(ids: readonly string[]): Promise<Interview[]> {
    return this.em.find(Interview, { id: { $in: [...ids] } }, { populate: INTERVIEW_GRAPH });
  }

  /** Each interview's panel as users (unordered: SchedulingLoaders.panel puts them in panelOrder). */
  panels(ids: readonly string[]): Promise<Array<{ interviewId: string; user: UserJson }>> {
    return this.em.execute(
      `select p.interview_id as "interviewId", ${userJson('u')} as "user"
       from interview_panelist p join app_user u on u.id = p.interviewer_id
       where p.interview_id = any(?::uuid[])`,
      [`{${ids.join(',')}}`],
    );
  }

  /**
   * Interviews with their applications in one statement, soonest first, as plain rows: a list
   * shown with stage names and candidates costs no entity per interview, application, candidate,
   * position and stage (InterviewType's other fields load through batch loaders when asked for).
   */
  private async rows(filter: { join?: string; where?: string }, params: unknown[]): Promise<InterviewRow[]> {
    // Raw statements give times as text (MikroORM's parsers for PostgreSQL): made Dates here.
    const rows = await this.em.execute<
      Array<Omit<InterviewRow, 'startsAt' | 'endsAt'> & { startsAt: string; endsAt: string }>
    >(
      `select i.id, i.starts_at as "startsAt", i.ends_at as "endsAt", i.location, i.status,
         i.cancel_reason as "cancelReason", i.stage_id as "stageId", ${applicationJson('a')} as application
       from interview i ${filter.join ?? ''}
       join application a on a.id = i.application_id
       ${filter.where ? `where ${filter.where}` : ''}
       order by i.starts_at asc, i.id asc`,
      params,
    );
    return rows.map((row) => ({ ...row, startsAt: new Date(row.startsAt), endsAt: new Date(row.endsAt) }));
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
