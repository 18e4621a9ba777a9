import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { ApplicationStatus } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { afterCursor, connection, pageSize } from '../../common/pagination';
import { AccessService, Permission } from '../access';
import { Application } from './application.entity';
import { ApplicationType } from './graphql/application.type';

/** Reading applications: only those the caller may see. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
  ) {}

  /** Null when it does not exist or the caller may not see it. */
  async get(actor: Actor, id: string): Promise<Application | null> {
    if (!(await this.access.can(actor, Permission.ApplicationRead, id))) return null;
    return this.em.findOne(Application, { id });
  }

  /** A candidate's applications the caller may see, newest first. */
  async ofCandidate(actor: Actor, candidateId: string): Promise<Application[]> {
    return this.em.find(
      Application,
      { candidate: candidateId, ...this.access.where(actor, Permission.ApplicationRead) },
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
    const where = () => ({
      position: positionId,
      ...(args.status ? { status: args.status } : {}),
      ...this.access.where(actor, Permission.ApplicationRead),
    });
    const [rows, total] = await Promise.all([
      this.em.find(
        Application,
        { $and: [where(), afterCursor(args.after)] },
        { orderBy: { createdAt: 'desc', id: 'asc' }, limit: size + 1 },
      ),
      this.em.count(Application, where()),
    ]);
    return connection(rows, size, total, (row) => ApplicationType.from(row), args.after);
  }
}
