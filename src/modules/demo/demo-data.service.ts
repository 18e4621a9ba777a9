import { Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../../../libs/domain';
import { User } from '../identity/user.entity';
import { UserService } from '../identity/user.service';

/** Demo accounts, one per role. Their passwords are published in the README: never in production. */
export const DEMO_USERS = [
  {
    email: 'recruiter@demo.interview-pipeline.dev',
    name: 'Rita Recruiter',
    roles: [Role.RECRUITER],
    timezone: 'Europe/London',
  },
  {
    email: 'manager@demo.interview-pipeline.dev',
    name: 'Harold Manager',
    roles: [Role.HIRING_MANAGER],
    timezone: 'Europe/Berlin',
  },
  {
    email: 'interviewer@demo.interview-pipeline.dev',
    name: 'Ines Interviewer',
    roles: [Role.INTERVIEWER],
    timezone: 'America/New_York',
  },
  {
    email: 'lead@demo.interview-pipeline.dev',
    name: 'Lars Lead',
    roles: [Role.INTERVIEWER],
    timezone: 'Europe/Berlin',
  },
  { email: 'admin@demo.interview-pipeline.dev', name: 'Ada Admin', roles: [Role.ADMIN], timezone: 'UTC' },
] as const;
export const DEMO_PASSWORD = 'demo-password-2026';

/** Loads demo data; every step is idempotent, so it runs at each start. */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly users: UserService,
  ) {}

  async load(): Promise<void> {
    const em = this.orm.em.fork();
    let created = 0;
    for (const demo of DEMO_USERS) {
      if (await em.findOne(User, { email: demo.email })) continue;
      await this.users.create({ ...demo, roles: [...demo.roles], password: DEMO_PASSWORD }, em);
      created += 1;
    }
    if (created) this.logger.log(`Demo data: created ${created} users (password ${DEMO_PASSWORD}).`);
  }
}
