import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PositionStatus, Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { BadUserInputException, ConflictException, type FieldErrors } from '../../common/errors/domain.exception';
import { AccessService, Permission } from '../access';
import { User } from '../identity';
import type { Application } from '../pipeline';
import { Position } from '../positions';

/** The checks booking and slot suggestions share: who may schedule, and who may sit on a panel. */
@Injectable()
export class BookingChecks {
  constructor(private readonly access: AccessService) {}

  /** The application's position, once the caller may schedule its interviews and it is open. */
  async positionFor(em: EntityManager, actor: Actor, application: Application): Promise<Position> {
    await this.access.require(actor, Permission.ApplicationSchedule, application.id, em);
    const position = await em.findOneOrFail(Position, application.position.id);
    if (position.status !== PositionStatus.OPEN) {
      throw new ConflictException(
        `Position "${position.title}" is ${position.status}; interviews are scheduled only for open positions.`,
      );
    }
    return position;
  }

  /**
   * The panel: active users who belong there. The position's hiring manager and its recruiters may
   * sit on any of its panels (the recruiter runs the HR screen); anyone else must be an interviewer
   * (INTERVIEWER role), who sits on the panels they are invited to.
   */
  async panel(em: EntityManager, position: Position, ids: string[]): Promise<User[]> {
    const unique = [...new Set(ids)];
    const fields: FieldErrors = {};
    if (unique.length === 0) fields['input.interviewerIds'] = 'name at least one interviewer';
    const [users] = await Promise.all([
      em.find(User, { id: { $in: unique }, deactivatedAt: null }),
      em.populate(position, ['recruiters']),
    ]);
    const team = new Set([position.hiringManager.id, ...position.recruiters.getIdentifiers<string>()]);
    for (const id of unique) {
      const user = users.find((candidate) => candidate.id === id);
      if (!user) fields['input.interviewerIds'] = `no active user has the id ${id}`;
      else if (!user.hasRole(Role.INTERVIEWER) && !team.has(user.id)) {
        fields['input.interviewerIds'] =
          `${user.name} is neither an interviewer nor this position's hiring manager or recruiter`;
      }
    }
    if (Object.keys(fields).length)
      throw new BadUserInputException('The panel is not valid: fix the listed fields.', fields);
    return users;
  }
}
