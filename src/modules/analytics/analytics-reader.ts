import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { CompanyProfile, ExperienceLevel } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { BadUserInputException } from '../../common/errors/domain.exception';
import { AccessService, Permission } from '../access';
import { Position } from '../positions';
import { planWeeks, rollupConditions, type AnalyticsSlice, type AppliedRange, type Condition } from './analytics-slice';

export interface AnalyticsFilterValues {
  positionIds?: string[] | null;
  from?: Date | null;
  to?: Date | null;
  experienceLevels?: ExperienceLevel[] | null;
  companyProfiles?: CompanyProfile[] | null;
}

/** What every analytics figure shares: the caller's slice, the read plan and the read connection. */
@Injectable()
export class AnalyticsReader {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
  ) {}

  /**
   * A union of partial aggregates: the base tables alone when the slice names positions (their
   * rows are few), otherwise the rollup's whole weeks plus the base tables' partial edge weeks.
   */
  byPlan(
    slice: AnalyticsSlice,
    base: (ranges: readonly AppliedRange[]) => Condition,
    rollup: (where: Condition) => Condition,
  ): Condition {
    if (slice.positionIds !== null) return base([[slice.from, slice.to]]);
    const plan = planWeeks(slice.from, slice.to);
    const parts: Condition[] = [];
    if (plan.weeks) parts.push(rollup(rollupConditions(slice, plan.weeks)));
    if (plan.edges.length) parts.push(base(plan.edges));
    return {
      sql: parts.map((part) => `(${part.sql})`).join(' union all '),
      params: parts.flatMap((part) => part.params),
    };
  }

  /**
   * Figures built from scorecards leave out, for a panelist who has not submitted their own yet,
   * the cards of that stage (blind review): `parts` minus `hidden`, the same aggregates over those
   * interviews only. `keys` are the grouping columns, `sums` the summed ones.
   */
  withoutHidden(
    parts: Condition,
    hidden: Condition | null,
    keys: readonly string[],
    sums: readonly string[],
  ): Condition {
    if (!hidden) return parts;
    const negated = [...keys, ...sums.map((column) => `-${column} as ${column}`)].join(', ');
    return {
      sql: `(${parts.sql}) union all (select ${negated} from (${hidden.sql}) hidden)`,
      params: [...parts.params, ...hidden.params],
    };
  }

  /** The interviews whose scorecards the caller may not read yet (Permission.ScorecardRead's blind rule). */
  hiddenInterviews(actor: Actor): Promise<string[]> {
    return this.access.blindInterviewIds(actor);
  }

  /**
   * The applications the figures are about: the filter, narrowed to the positions the caller may
   * see (recruiters and admins all, a hiring manager those they manage).
   */
  async slice(actor: Actor, filter: AnalyticsFilterValues): Promise<AnalyticsSlice> {
    if (filter.from && filter.to && filter.from >= filter.to) {
      throw new BadUserInputException('from must be before to.', { 'filter.to': 'must be after from' });
    }
    const visible = await this.visiblePositionIds(actor);
    const positionIds = visible === null ? (filter.positionIds ?? null) : intersect(filter.positionIds, visible);
    return {
      positionIds,
      from: filter.from ?? null,
      to: filter.to ?? null,
      experienceLevels: filter.experienceLevels?.length ? filter.experienceLevels : null,
      companyProfiles: filter.companyProfiles?.length ? filter.companyProfiles : null,
    };
  }

  /** The positions the caller may see figures of; null for all of them. */
  private async visiblePositionIds(actor: Actor): Promise<string[] | null> {
    if (this.access.grantsAll(actor, Permission.AnalyticsRead)) return null;
    const managed = await this.em.find(Position, this.access.where(actor, Permission.AnalyticsRead), {
      fields: ['id'],
    });
    return managed.map((position) => position.id);
  }

  /** Entities by id, on the same connection as the figures. */
  find<T extends object>(
    entity: new (...args: never[]) => T,
    ids: readonly string[],
    populate: readonly string[] = [],
  ): Promise<T[]> {
    return ids.length
      ? this.em.find(entity, { id: { $in: [...ids] } } as never, { populate: populate as never })
      : Promise.resolve([]);
  }

  /** Analytics read from a replica when DATABASE_READ_URLS is set. */
  read<Row>(sql: string, params: unknown[]): Promise<Row[]> {
    return this.em.getConnection('read').execute<Row[]>(sql, params);
  }
}

function intersect(given: readonly string[] | null | undefined, allowed: readonly string[]): string[] {
  return given ? given.filter((id) => allowed.includes(id)) : [...allowed];
}
