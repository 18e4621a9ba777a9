import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
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

  /** Active users, by name; their contact details and roles are for staff who assemble panels and teams. */
  async list(actor: Actor, role?: Role | null): Promise<User[]> {
    await this.access.require(actor, Permission.UserList);
    const where = role ? { roles: { $contains: [role] }, deactivatedAt: null } : { deactivatedAt: null };
    return this.em.find(User, where, { orderBy: { name: 'asc', id: 'asc' } });
  }

  async findForLogin(email: string): Promise<User | null> {
    return this.em.findOne(User, { email: normalizeEmail(email), deactivatedAt: null }, { populate: ['passwordHash'] });
  }
}
