import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { byId, LoaderKey, requestLoader } from '../../graphql/request-loader';
import { InterviewPlanType, loadPlans, loadPlanStages } from '../catalog';
import { PositionType } from './graphql/position.type';
import { PositionsService } from './positions.service';

const POSITIONS = new LoaderKey<string, PositionType>('positions.positions');
const PLANS = new LoaderKey<string, InterviewPlanType>('positions.plans');
const PLAN_STAGES = new LoaderKey<string, InterviewPlanType>('positions.planStages');
const PLAN_STAGE_NAMES = new LoaderKey<string, InterviewPlanType>('positions.planStageNames');

/** Per-request batch loaders: positions by id, and positions' own plans. */
@Injectable()
export class PositionsLoaders {
  constructor(
    private readonly em: EntityManager,
    private readonly positions: PositionsService,
  ) {}

  position(context: object) {
    return requestLoader(context, POSITIONS, async (ids) =>
      byId(ids, PositionType.fromList(await this.positions.byIds(ids)), (position) => position, 'position'),
    );
  }

  plan(context: object) {
    return requestLoader(context, PLANS, async (ids) =>
      byId(ids, await loadPlans(this.em, ids), (plan) => InterviewPlanType.from(plan), 'plan'),
    );
  }

  /** Plans with their stages' own fields only: for queries that select nothing deeper. */
  planStages(context: object) {
    return requestLoader(context, PLAN_STAGES, async (ids) =>
      byId(ids, await loadPlanStages(this.em, ids), (plan) => InterviewPlanType.stagesOnly(plan), 'plan'),
    );
  }

  /** Plans with their stages' own fields but no text lists or benchmarks: for lists that show none. */
  planStageNames(context: object) {
    return requestLoader(context, PLAN_STAGE_NAMES, async (ids) =>
      byId(
        ids,
        await loadPlanStages(this.em, ids, { lists: false }),
        (plan) => InterviewPlanType.stagesOnly(plan),
        'plan',
      ),
    );
  }
}
