import { Injectable } from '@nestjs/common';
import { Role } from '../../../libs/domain';
import type { Actor } from '../auth/actor';
import { ForbiddenException } from '../errors/domain.exception';

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

  /** Throws FORBIDDEN with the reason when a rule says no. */
  assert(allowed: boolean, reason: string): void {
    if (!allowed) throw new ForbiddenException(reason);
  }
}
