import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { ApplicationStatus } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { afterCursorSql, connection, decodeCursor, pageSize } from '../../common/pagination';
import { BadUserInputException } from '../../common/errors/domain.exception';
import { AccessService, Permission } from '../access';
import { Application } from './application.entity';
import {
  applicationColumns,
  applicationRow,
  ApplicationType,
  type ApplicationSqlRow,
} from './graphql/application.type';
import type { BoardCardType } from './graphql/board-card.type';

/** The most cards one page of `Position.boardCards` holds: a large board in one or two requests. */
export const MAX_BOARD_PAGE_SIZE = 2000;

interface BoardCardRow {
  id: string;
  created_at: string;
  version: number;
  status: BoardCardType['status'];
  applied_at: string;
  experience_level: BoardCardType['experienceLevel'];
  candidate_id: string;
  candidate_name: string;
  current_stage_id: string | null;
  entered_stage_at: string | null;
  next_interview_at: string | null;
}

/** Reading applications: only those the caller may see. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
  ) {}

  /** Null when it does not exist or the caller may not see it. */
  async get(actor: Actor, id: string): Promise<ApplicationType | null> {
    if (!(await this.access.can(actor, Permission.ApplicationRead, id))) return null;
    const [row] = await this.em.execute<ApplicationSqlRow[]>(
      `select ${applicationColumns('a')} from application a where a.id = ?`,
      [id],
    );
    return row ? ApplicationType.fromRow(applicationRow(row)) : null;
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
    const scope = this.access.condition(actor, Permission.ApplicationRead, 'a.id');
    const after = afterCursorSql('a', args.after ? decodeCursor(args.after) : null);
    const filter = ['a.position_id = ?', ...(args.status ? ['a.status = ?'] : []), ...(scope ? [scope.sql] : [])].join(
      ' and ',
    );
    const params = [positionId, ...(args.status ? [args.status] : []), ...(scope?.params ?? [])];
    // Plain rows, not entities: a page of 50 entities cost more CPU than everything else the request
    // did, and building the same statement with the query builder on every request cost more than the SQL.
    const [rows, [counted]] = await Promise.all([
      this.em.execute<ApplicationSqlRow[]>(
        `select ${applicationColumns('a')} from application a where ${filter}
         ${after.sql && `and ${after.sql}`} order by a.created_at desc, a.id asc limit ?`,
        [...params, ...after.params, size + 1],
      ),
      this.em.execute<Array<{ total: number }>>(
        `select count(*)::int as total from application a where ${filter}`,
        params,
      ),
    ]);
    return connection(
      rows.map(applicationRow),
      size,
      counted!.total,
      (row) => ApplicationType.fromRow(row),
      args.after,
    );
  }

  /**
   * The pipeline board of a position: its ACTIVE and ON_HOLD applications the caller may see, with
   * just what a card shows, in one statement whatever the page size (up to MAX_BOARD_PAGE_SIZE).
   */
  async boardOf(actor: Actor, positionId: string, args: { first?: number | null; after?: string | null }) {
    const size = args.first ?? MAX_BOARD_PAGE_SIZE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_BOARD_PAGE_SIZE) {
      throw new BadUserInputException(`first must be between 1 and ${MAX_BOARD_PAGE_SIZE}.`, {
        first: `must be 1..${MAX_BOARD_PAGE_SIZE}`,
      });
    }
    const scope = this.access.condition(actor, Permission.ApplicationRead, 'a.id');
    const after = afterCursorSql('b', args.after ? decodeCursor(args.after) : null);
    // One row whatever the page holds: the board's size, and the page's cards as JSON.
    const [result] = await this.em.execute<Array<{ total: string; cards: BoardCardRow[] }>>(
      `with board as (
         select a.id, a.created_at, a.version, a.status, a.applied_at, a.experience_level, a.candidate_id,
           a.current_stage_id
         from application a
         where a.position_id = ? and a.status in ('ACTIVE', 'ON_HOLD') ${scope ? `and ${scope.sql}` : ''}),
       page as (
         select b.*, c.name as candidate_name,
           (select max(sv.entered_at) from stage_visit sv where sv.application_id = b.id
             and sv.stage_id = b.current_stage_id and sv.exited_at is null) as entered_stage_at,
           (select min(i.starts_at) from interview i where i.application_id = b.id and i.status = 'SCHEDULED'
             and i.starts_at >= now()) as next_interview_at
         from board b join candidate c on c.id = b.candidate_id
         ${after.sql && `where ${after.sql}`}
         order by b.created_at desc, b.id asc limit ?)
       select (select count(*) from board) as total,
         coalesce((select json_agg(p order by p.created_at desc, p.id asc) from page p), '[]'::json) as cards`,
      [positionId, ...(scope?.params ?? []), ...after.params, size + 1],
    );
    const at = (value: string | null) => (value === null ? null : new Date(value));
    return connection(
      result!.cards.map((row) => ({ ...row, createdAt: new Date(row.created_at) })),
      size,
      Number(result!.total),
      (row): BoardCardType => ({
        id: row.id,
        version: row.version,
        status: row.status,
        appliedAt: new Date(row.applied_at),
        experienceLevel: row.experience_level,
        candidateId: row.candidate_id,
        candidateName: row.candidate_name,
        currentStageId: row.current_stage_id,
        enteredStageAt: at(row.entered_stage_at),
        nextInterviewAt: at(row.next_interview_at),
      }),
      args.after,
    );
  }
}
