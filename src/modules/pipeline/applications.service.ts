import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { ApplicationStatus } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { afterCursor, connection, pageSize } from '../../common/pagination';
import { ApplicationAccess } from '../../common/policy/application-access';
import { Application } from './application.entity';
import { ApplicationType } from './graphql/application.type';

/** Reading applications: only those the caller may see (ApplicationAccess). */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: ApplicationAccess,
  ) {}

  /** Null when it does not exist or the caller may not see it. */
  async get(actor: Actor, id: string): Promise<Application | null> {
    const application = await this.em.findOne(Application, { id });
    if (!application || !(await this.access.canRead(actor, id))) return null;
    return application;
  }

  /** A candidate's applications the caller may see, newest first. */
  async ofCandidate(actor: Actor, candidateId: string): Promise<Application[]> {
    const scope = await this.access.scope(actor);
    return this.em.find(
      Application,
      { candidate: candidateId, ...(scope.all ? {} : { id: { $in: scope.applicationIds } }) },
      { orderBy: { appliedAt: 'desc' } },
    );
  }

  /** A position's applications the caller may see, as a connection, newest first. */
  async ofPosition(
    actor: Actor,
    positionId: string,
    args: { first?: number | null; after?: string | null; status?: ApplicationStatus | null },
  ) {
    const size = pageSize(args.first);
    const scope = await this.access.scope(actor);
    const where = {
      position: positionId,
      ...(args.status ? { status: args.status } : {}),
      ...(scope.all ? {} : { id: { $in: scope.applicationIds } }),
    };
    const [rows, total] = await Promise.all([
      this.em.find(
        Application,
        { $and: [where, afterCursor(args.after)] },
        { orderBy: { createdAt: 'desc', id: 'asc' }, limit: size + 1 },
      ),
      this.em.count(Application, where),
    ]);
    return connection(rows, size, total, (row) => ApplicationType.from(row));
  }
}
