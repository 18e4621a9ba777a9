import { Injectable } from '@nestjs/common';
import { EntityManager, LoadStrategy } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/auth/actor';
import { groupedBy, LoaderKey, requestLoader } from '../../graphql/request-loader';
import { AccessService, Permission } from '../access';
import { PlanStageType, STAGE_GRAPH, stageScalarsJson, type StageScalars } from '../catalog';
import { UserType, userJson, type UserJson } from '../identity';
import { StageDecisionType } from './graphql/stage-decision.type';
import { StageVisitType } from './graphql/application.type';
import { StageDecision } from './stage-decision.entity';
import { StageVisit } from './stage-visit.entity';

/** One loader per shape of the history a query asks for: [deep][explained]. */
const STAGE_HISTORY = {
  deep: {
    explained: new LoaderKey<string, StageVisitType[]>('pipeline.stageHistory'),
    plain: new LoaderKey<string, StageVisitType[]>('pipeline.stageHistoryUnexplained'),
  },
  rows: {
    explained: new LoaderKey<string, StageVisitType[]>('pipeline.stageHistoryRows'),
    plain: new LoaderKey<string, StageVisitType[]>('pipeline.stageHistoryRowsUnexplained'),
  },
};
/** A visit as the history shows it, before the blind-review check on its reason. */
type VisitRow = Omit<StageVisitType, 'reason' | 'reasonCode'> & {
  id: string;
  applicationId: string;
  reason: string | null;
  reasonCode: StageVisitType['reasonCode'];
};

const STAGE_DECISIONS = new LoaderKey<string, StageDecisionType[]>('pipeline.stageDecisions');

/** Per-request batch loaders of what an application carries: its stage visits and stage decisions. */
@Injectable()
export class PipelineLoaders {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
  ) {}

  /**
   * Every visit; why one ended (reason, code) only where the caller may read it (blind review).
   * `deep`: the visits' stages with their kits (STAGE_GRAPH); otherwise their own rows only, joined
   * with the visits and their deciders in one statement however long the history.
   * `explain`: false when the query selects neither reason nor reasonCode (both then stay null and
   * no access check runs).
   */
  stageHistory(context: object, actor: Actor, deep = true, explain = true) {
    const key = STAGE_HISTORY[deep ? 'deep' : 'rows'][explain ? 'explained' : 'plain'];
    return requestLoader(context, key, async (ids) => {
      const visits = deep ? await this.visitsWithKits(ids) : await this.visitRows(ids);
      const explained = explain
        ? await this.access.allowed(
            actor,
            Permission.StageVisitReasonRead,
            visits.map((visit) => visit.id),
          )
        : new Set<string>();
      return groupedBy(
        ids,
        visits,
        (visit) => visit.applicationId,
        (visit) =>
          Object.assign(new StageVisitType(), {
            stage: visit.stage,
            enteredAt: visit.enteredAt,
            exitedAt: visit.exitedAt,
            outcome: visit.outcome,
            decidedBy: visit.decidedBy,
            reason: explained.has(visit.id) ? visit.reason : null,
            reasonCode: explained.has(visit.id) ? visit.reasonCode : null,
          }),
      );
    });
  }

  /** Visits with their stages' kits (STAGE_GRAPH), as entities. */
  private async visitsWithKits(ids: readonly string[]): Promise<VisitRow[]> {
    const visits = await this.em.find(
      StageVisit,
      { application: { $in: [...ids] } },
      {
        populate: ['decidedBy', ...STAGE_GRAPH.map((path) => `stage.${path}` as const)],
        orderBy: { enteredAt: 'asc', createdAt: 'asc' },
        strategy: LoadStrategy.SELECT_IN,
      },
    );
    return visits.map((visit) => ({
      id: visit.id,
      applicationId: visit.application.id,
      stage: PlanStageType.from(visit.stage),
      enteredAt: visit.enteredAt,
      exitedAt: visit.exitedAt,
      outcome: visit.outcome,
      decidedBy: visit.decidedBy ? UserType.from(visit.decidedBy) : null,
      reason: visit.reason,
      reasonCode: visit.reasonCode,
    }));
  }

  /**
   * Visits with their stages' own columns and their deciders, as plain rows: one statement however
   * long the history, and no entities (an entity per visit, stage and user cost most of an
   * `application` request's CPU).
   */
  private async visitRows(ids: readonly string[]): Promise<VisitRow[]> {
    const rows = await this.em.execute<
      Array<
        Omit<VisitRow, 'stage' | 'decidedBy' | 'enteredAt' | 'exitedAt'> & {
          stage: StageScalars;
          decidedBy: UserJson | null;
          enteredAt: string;
          exitedAt: string | null;
        }
      >
    >(
      `select v.id, v.application_id as "applicationId", v.entered_at as "enteredAt", v.exited_at as "exitedAt",
         v.outcome, v.reason, v.reason_code as "reasonCode", ${stageScalarsJson(this.em, 's')} as stage,
         ${userJson('u')} as "decidedBy"
       from stage_visit v join plan_stage s on s.id = v.stage_id left join app_user u on u.id = v.decided_by_id
       where v.application_id = any(?::uuid[])
       order by v.entered_at asc, v.created_at asc`,
      [`{${ids.join(',')}}`],
    );
    // Raw statements give times as text (MikroORM's parsers for PostgreSQL).
    return rows.map((row) => ({
      ...row,
      enteredAt: new Date(row.enteredAt),
      exitedAt: row.exitedAt === null ? null : new Date(row.exitedAt),
      stage: PlanStageType.scalarsOf(row.stage),
      decidedBy: row.decidedBy && UserType.fromJson(row.decidedBy),
    }));
  }

  /** The decisions the caller may read (blind review hides those of stages they still owe a scorecard for). */
  stageDecisions(context: object, actor: Actor) {
    return requestLoader(context, STAGE_DECISIONS, async (ids) => {
      const rows = await this.em.find(
        StageDecision,
        { application: { $in: [...ids] }, ...this.access.where(actor, Permission.StageDecisionRead) },
        { orderBy: { createdAt: 'asc' } },
      );
      return groupedBy(
        ids,
        rows,
        (row) => row.application.id,
        (row) => StageDecisionType.from(row),
      );
    });
  }
}
