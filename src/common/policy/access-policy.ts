import { Injectable } from '@nestjs/common';
import { Role } from '../../../libs/domain';
import type { Actor } from '../auth/actor';
import { ForbiddenException } from '../errors/domain.exception';

/** What the position rules look at; kept structural so the policy does not depend on the entity. */
export interface PositionAccess {
  hiringManager: { id: string };
  recruiters: { getIdentifiers(): string[] };
}

/**
 * Ownership rules ("may this actor act on this record?") in one place. Resolvers declare roles;
 * services ask the policy about the record itself. Each module adds its rules here.
 */
@Injectable()
export class AccessPolicy {
  isAdmin(actor: Actor): boolean {
    return actor.roles.includes(Role.ADMIN);
  }

  /** Contact details and roles of other users: staff who assemble panels and hiring teams. */
  canListUsers(actor: Actor): boolean {
    return [Role.ADMIN, Role.RECRUITER, Role.HIRING_MANAGER].some((role) => actor.roles.includes(role));
  }

  /** Templates, rubrics, questions, tasks and skills. */
  canEditCatalog(actor: Actor): boolean {
    return [Role.ADMIN, Role.RECRUITER].some((role) => actor.roles.includes(role));
  }

  canCreatePosition(actor: Actor): boolean {
    return this.canEditCatalog(actor);
  }

  /** Edit, open, close a position and its plan: its recruiters, its hiring manager, admins. */
  canManagePosition(actor: Actor, position: PositionAccess): boolean {
    if (this.isAdmin(actor)) return true;
    if (!actor.userId) return false;
    return position.hiringManager.id === actor.userId || position.recruiters.getIdentifiers().includes(actor.userId);
  }

  /** Recruiters see every position (they staff them); hiring managers see the ones they manage. */
  canViewPosition(actor: Actor, position: PositionAccess): boolean {
    return this.canEditCatalog(actor) || this.canManagePosition(actor, position);
  }

  /** Applications, their transitions and interviews: the position's recruiters and admins. */
  canRecruitFor(actor: Actor, position: PositionAccess): boolean {
    if (this.isAdmin(actor)) return true;
    return actor.userId !== null && position.recruiters.getIdentifiers().includes(actor.userId);
  }

  /** Throws FORBIDDEN with the reason when a rule says no. */
  assert(allowed: boolean, reason: string): void {
    if (!allowed) throw new ForbiddenException(reason);
  }
}
