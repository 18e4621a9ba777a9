import { Injectable } from '@nestjs/common';
import { EntityManager, LoadStrategy } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/auth/actor';
import { groupedBy, LoaderKey, requestLoader } from '../../graphql/request-loader';
import { AccessService, Permission } from '../access';
import { PlanStageType, STAGE_GRAPH } from '../catalog';
import { UserType } from '../identity';
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
      const visits = await this.em.find(
        StageVisit,
        { application: { $in: [...ids] } },
        deep
          ? {
              populate: ['decidedBy', ...STAGE_GRAPH.map((path) => `stage.${path}` as const)],
              orderBy: { enteredAt: 'asc', createdAt: 'asc' },
              strategy: LoadStrategy.SELECT_IN,
            }
          : {
              populate: ['decidedBy', 'stage'],
              orderBy: { enteredAt: 'asc', createdAt: 'asc' },
              strategy: LoadStrategy.JOINED,
            },
      );
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
        (visit) => visit.application.id,
        (visit) =>
          Object.assign(new StageVisitType(), {
            stage: deep ? PlanStageType.from(visit.stage) : PlanStageType.scalarsOf(visit.stage),
            enteredAt: visit.enteredAt,
            exitedAt: visit.exitedAt,
            outcome: visit.outcome,
            decidedBy: visit.decidedBy ? UserType.from(visit.decidedBy) : null,
            reason: explained.has(visit.id) ? visit.reason : null,
            reasonCode: explained.has(visit.id) ? visit.reasonCode : null,
          }),
      );
    });
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
