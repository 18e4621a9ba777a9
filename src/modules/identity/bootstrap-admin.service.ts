import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../../../libs/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { User } from './user.entity';
import { UserService } from './user.service';

/** Creates the first admin from BOOTSTRAP_ADMIN_* when the database has no user at all. */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminService.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly users: UserService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin) return;
    const created = await this.orm.em.fork().transactional(async (em) => {
      // Several API processes may start at once: one lock, one admin.
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', ['bootstrap-admin']);
      if ((await em.count(User)) > 0) return false;
      await this.users.create(
        { email: admin.email, name: 'Administrator', password: admin.password, roles: [Role.ADMIN] },
        em,
      );
      return true;
    });
    if (created) this.logger.log(`Created the first admin, ${admin.email}`);
  }
}
