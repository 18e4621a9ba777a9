import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { isKnownTimezone, normalizeEmail, passwordProblem, type Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { isUniqueViolation } from '../../common/errors/constraint-errors';
import { AccessService, Permission } from '../access';
import {
  BadUserInputException,
  ConflictException,
  NotFoundException,
  type FieldErrors,
} from '../../common/errors/domain.exception';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { User } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  roles: Role[];
  timezone?: string | null;
}

@Injectable()
export class UserService {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly access: AccessService,
    private readonly tokens: TokenService,
  ) {}

  /** Creates a user; CONFLICT when the email (in any letter case) is taken. */
  async create(input: NewUser, em: EntityManager = this.em): Promise<User> {
    const fields: FieldErrors = {};
    const problem = passwordProblem(input.password);
    if (problem) fields['input.password'] = problem;
    if (input.timezone && !isKnownTimezone(input.timezone)) {
      fields['input.timezone'] =
        `"${input.timezone}" is not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)`;
    }
    if (input.roles.length === 0) fields['input.roles'] = 'must list at least one role';
    if (input.name.trim().length === 0) fields['input.name'] = 'must not be blank';
    if (Object.keys(fields).length > 0) {
      throw new BadUserInputException('The user could not be created: fix the listed fields.', fields);
    }
    const email = normalizeEmail(input.email);
    const user = new User({
      email,
      name: input.name.trim(),
      roles: [...new Set(input.roles)],
      timezone: input.timezone ?? 'UTC',
      passwordHash: await this.hasher.hash(input.password),
    });
    try {
      await em.persistAndFlush(user);
    } catch (error) {
      if (isUniqueViolation(error)) {
        const existing = await em.fork().findOne(User, { email });
        throw new ConflictException(`A user with the email ${email} already exists.`, { existingId: existing?.id });
      }
      throw error;
    }
    return user;
  }

  async get(id: string): Promise<User> {
    const user = await this.em.findOne(User, { id });
    if (!user) throw new NotFoundException('User', id);
    return user;
  }

  /**
   * Active users, by name; their contact details and roles are for staff who assemble panels and teams.
   * With includeDeactivated (admins only, who reactivate them) the deactivated users are listed too.
   */
  async list(actor: Actor, role?: Role | null, includeDeactivated = false): Promise<User[]> {
    await this.access.require(actor, includeDeactivated ? Permission.UserManage : Permission.UserList);
    const where: FilterQuery<User> = includeDeactivated ? {} : { deactivatedAt: null };
    if (role) where.roles = { $contains: [role] };
    return this.em.find(User, where, { orderBy: { name: 'asc', id: 'asc' } });
  }

  async findForLogin(email: string): Promise<User | null> {
    return this.em.findOne(User, { email: normalizeEmail(email), deactivatedAt: null }, { populate: ['passwordHash'] });
  }

  /** Name, roles, time zone and working hours of a user (admins). */
  async update(
    actor: Actor,
    input: {
      userId: string;
      name?: string;
      roles?: Role[];
      timezone?: string;
      workdayStartHour?: number | null;
      workdayEndHour?: number | null;
    },
  ): Promise<User> {
    await this.access.require(actor, Permission.UserManage);
    const fields: FieldErrors = {};
    if (input.timezone != null && !isKnownTimezone(input.timezone)) {
      fields['input.timezone'] =
        `"${input.timezone}" is not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)`;
    }
    if (input.name != null && input.name.trim().length === 0) fields['input.name'] = 'must not be blank';
    if (input.roles != null && input.roles.length === 0) fields['input.roles'] = 'must list at least one role';
    if (Object.keys(fields).length > 0) {
      throw new BadUserInputException('The user could not be changed: fix the listed fields.', fields);
    }
    const em = this.em.fork();
    const user = await em.findOne(User, { id: input.userId });
    if (!user) throw new NotFoundException('User', input.userId);
    const start = input.workdayStartHour ?? user.workdayStartHour;
    const end = input.workdayEndHour ?? user.workdayEndHour;
    if (start >= end) {
      throw new BadUserInputException('The working day must start before it ends.', {
        [input.workdayEndHour != null ? 'input.workdayEndHour' : 'input.workdayStartHour']:
          `the day would run from ${start}:00 to ${end}:00`,
      });
    }
    user.workdayStartHour = start;
    user.workdayEndHour = end;
    if (input.name != null) user.name = input.name.trim();
    if (input.roles != null) user.roles = [...new Set(input.roles)];
    if (input.timezone != null) user.timezone = input.timezone;
    await em.flush();
    return user;
  }

  /**
   * Deactivates a user: their sign-ins end at once (access tokens are refused from the next
   * request, refresh tokens are revoked) and they leave the panels of future SCHEDULED interviews,
   * whose ids are returned so that a recruiter can find replacements. One transaction.
   */
  async deactivate(actor: Actor, userId: string): Promise<{ user: User; affectedInterviewIds: string[] }> {
    await this.access.require(actor, Permission.UserManage);
    if (actor.userId === userId) {
      throw new BadUserInputException('You cannot deactivate yourself; ask another admin.', {
        'input.userId': 'is you',
      });
    }
    return this.em.fork().transactional(async (em) => {
      const user = await em.findOne(User, { id: userId });
      if (!user) throw new NotFoundException('User', userId);
      if (user.deactivatedAt) return { user, affectedInterviewIds: [] };
      user.deactivatedAt = new Date();
      await em.flush();
      await this.tokens.endSessions(user.id, null, em);
      // Raw SQL: identity must not depend on scheduling, which depends on identity.
      const rows: Array<{ interview_id: string }> = await em.getConnection().execute(
        `delete from interview_panelist p using interview i
          where p.interview_id = i.id and p.interviewer_id = ? and i.status = 'SCHEDULED' and i.starts_at > now()
          returning p.interview_id`,
        [user.id],
        'all',
        em.getTransactionContext(),
      );
      return { user, affectedInterviewIds: [...new Set(rows.map((row) => row.interview_id))].sort() };
    });
  }

  async reactivate(actor: Actor, userId: string): Promise<User> {
    await this.access.require(actor, Permission.UserManage);
    const em = this.em.fork();
    const user = await em.findOne(User, { id: userId });
    if (!user) throw new NotFoundException('User', userId);
    user.deactivatedAt = null;
    await em.flush();
    return user;
  }

  /** Changes the caller's own password; ends every other sign-in of theirs. */
  async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<number> {
    if (!actor.userId) throw new BadUserInputException('Only a signed-in person has a password.', {});
    const em = this.em.fork();
    const user = await em.findOne(User, { id: actor.userId }, { populate: ['passwordHash'] });
    if (!user) throw new NotFoundException('User', actor.userId);
    if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw new BadUserInputException('The current password is wrong.', {
        'input.currentPassword': 'does not match',
      });
    }
    const problem = passwordProblem(input.newPassword);
    if (problem)
      throw new BadUserInputException(`The new password is not accepted: ${problem}.`, {
        'input.newPassword': problem,
      });
    user.passwordHash = await this.hasher.hash(input.newPassword);
    await em.flush();
    return this.tokens.endSessions(user.id, actor.sessionId ?? null, em);
  }
}
