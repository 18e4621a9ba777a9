import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ExperienceLevel, Role, ratio, wilsonInterval, type CompanyProfile } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { BadUserInputException, NotFoundException } from '../../common/errors/domain.exception';
import { AccessPolicy } from '../../common/policy/access-policy';
import { User } from '../identity/user.entity';
import { Position } from '../positions/position.entity';

export interface AnalyticsFilterValues {
  positionIds?: string[] | null;
  from?: Date | null;
  to?: Date | null;
  experienceLevels?: ExperienceLevel[] | null;
  companyProfiles?: CompanyProfile[] | null;
}

/** An interviewer is flagged when this many scorecards deviate on average by at least this much. */
export const CALIBRATION_MIN_SCORECARDS = 10;
export const CALIBRATION_MAX_DEVIATION = 0.5;

const HOUR = 3600;

/**
 * The figures hiring managers read, computed in PostgreSQL from the base tables (on a read replica
 * when one is configured). Definitions are binding and written down in docs/domain.md.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly em: EntityManager,
    private readonly policy: AccessPolicy,
  ) {}

  async stageSuccessRates(actor: Actor, positionId: string, filter: AnalyticsFilterValues = {}) {
    const position = await this.em.findOne(Position, { id: positionId }, { populate: ['recruiters'] });
    if (!position || !(await this.positionScope(actor)).allows(positionId))
      throw new NotFoundException('Position', positionId);
    const narrowed = { ...filter, positionIds: intersect(filter.positionIds, [positionId]) };
    // A position's plan is its own, so without an application filter its stages' visits are exactly
    // the visits of its applications: no join with applications is needed.
    const unfiltered =
      narrowed.positionIds.length === 1 &&
      !filter.from &&
      !filter.to &&
      !filter.experienceLevels?.length &&
      !filter.companyProfiles?.length;
    const { cte, params } = unfiltered
      ? { cte: 'with apps as (select null::uuid as id where false)', params: [] as unknown[] }
      : await this.applicationsCte(actor, narrowed);
    const visits = unfiltered ? 'stage_visit v' : '(stage_visit v join apps on apps.id = v.application_id)';
    const rows = await this.read<{
      kind: string;
      name: string;
      order: number;
      entered: string;
      passed: string;
      failed: string;
      withdrawn: string;
      in_progress: string;
      median_seconds: number | null;
    }>(
      `${cte}
       select s.kind, s.name, s."order",
              count(v.id) as entered,
              count(*) filter (where v.outcome = 'PASSED') as passed,
              count(*) filter (where v.outcome = 'FAILED') as failed,
              count(*) filter (where v.outcome = 'WITHDRAWN') as withdrawn,
              count(*) filter (where v.id is not null and v.exited_at is null) as in_progress,
              percentile_cont(0.5) within group (order by extract(epoch from v.exited_at - v.entered_at))
                filter (where v.exited_at is not null) as median_seconds
         from plan_stage s
         left join ${visits} on v.stage_id = s.id
        where s.plan_id = ?
        group by s.id
        order by s."order"`,
      [...params, position.plan.id],
    );
    return rows.map((row) => {
      const passed = Number(row.passed);
      const failed = Number(row.failed);
      const interval = wilsonInterval(passed, passed + failed);
      return {
        stageKind: row.kind,
        stageName: row.name,
        order: row.order,
        entered: Number(row.entered),
        passed,
        failed,
        withdrawn: Number(row.withdrawn),
        inProgress: Number(row.in_progress),
        passRate: interval.rate,
        passRateLow: interval.low,
        passRateHigh: interval.high,
        medianHoursInStage: row.median_seconds === null ? null : Number(row.median_seconds) / HOUR,
      };
    });
  }

  async successRatesByExperienceLevel(actor: Actor, filter: AnalyticsFilterValues = {}) {
    const { cte, params } = await this.applicationsCte(actor, filter);
    const rows = await this.read<{
      level: ExperienceLevel;
      applications: string;
      hired: string;
      rejected: string;
      withdrawn: string;
      active: string;
    }>(
      `${cte}
       select experience_level as level, count(*) as applications,
              count(*) filter (where status = 'HIRED') as hired,
              count(*) filter (where status = 'REJECTED') as rejected,
              count(*) filter (where status = 'WITHDRAWN') as withdrawn,
              count(*) filter (where status in ('ACTIVE', 'ON_HOLD')) as active
         from apps group by experience_level`,
      params,
    );
    return Object.values(ExperienceLevel).map((level) => {
      const row = rows.find((candidate) => candidate.level === level);
      const hired = Number(row?.hired ?? 0);
      const rejected = Number(row?.rejected ?? 0);
      return {
        experienceLevel: level,
        applications: Number(row?.applications ?? 0),
        hired,
        rejected,
        withdrawn: Number(row?.withdrawn ?? 0),
        active: Number(row?.active ?? 0),
        successRate: ratio(hired, rejected),
      };
    });
  }

  async pipelineSummary(actor: Actor, filter: AnalyticsFilterValues = {}) {
    const { cte, params } = await this.applicationsCte(actor, filter);
    const [row] = await this.read<{
      applications: string;
      active: string;
      hired: string;
      rejected: string;
      withdrawn: string;
      average_seconds: number | null;
      median_seconds: number | null;
    }>(
      `${cte}
       select count(*) as applications,
              count(*) filter (where status in ('ACTIVE', 'ON_HOLD')) as active,
              count(*) filter (where status = 'HIRED') as hired,
              count(*) filter (where status = 'REJECTED') as rejected,
              count(*) filter (where status = 'WITHDRAWN') as withdrawn,
              avg(extract(epoch from decided_at - applied_at)) filter (where status in ('HIRED', 'REJECTED')) as average_seconds,
              percentile_cont(0.5) within group (order by extract(epoch from decided_at - applied_at))
                filter (where status in ('HIRED', 'REJECTED')) as median_seconds
         from apps`,
      params,
    );
    const hired = Number(row!.hired);
    const rejected = Number(row!.rejected);
    const days = (seconds: number | null) => (seconds === null ? null : Number(seconds) / 86_400);
    return {
      applications: Number(row!.applications),
      active: Number(row!.active),
      hired,
      rejected,
      withdrawn: Number(row!.withdrawn),
      overallSuccessRate: ratio(hired, rejected),
      averageDurationDays: days(row!.average_seconds),
      medianDurationDays: days(row!.median_seconds),
    };
  }

  async interviewerCalibration(actor: Actor, filter: AnalyticsFilterValues = {}) {
    const { cte, params } = await this.applicationsCte(actor, filter);
    const rows = await this.read<{
      interviewer_id: string;
      scorecards: string;
      mean_score: number;
      mean_deviation: number | null;
      agreement: number | null;
    }>(
      `${cte},
       cards as (
         select sc.interviewer_id, sc.interview_id, sc.weighted_score, sc.recommendation, v.outcome as visit_outcome
           from scorecard sc
           join interview i on i.id = sc.interview_id
           join apps on apps.id = i.application_id
           left join stage_visit v on v.application_id = i.application_id and v.stage_id = i.stage_id
          where sc.status = 'SUBMITTED' and sc.weighted_score is not null
       ),
       panels as (select interview_id, sum(weighted_score) as total, count(*) as size from cards group by interview_id)
       select c.interviewer_id, count(*) as scorecards, avg(c.weighted_score) as mean_score,
              avg(c.weighted_score - (p.total - c.weighted_score) / (p.size - 1)) filter (where p.size > 1) as mean_deviation,
              avg(case when (c.recommendation in ('YES', 'STRONG_YES')) = (c.visit_outcome = 'PASSED') then 1.0 else 0.0 end)
                filter (where c.visit_outcome in ('PASSED', 'FAILED')) as agreement
         from cards c join panels p on p.interview_id = c.interview_id
        group by c.interviewer_id`,
      params,
    );
    const users = new Map(
      (await this.em.find(User, { id: { $in: rows.map((row) => row.interviewer_id) } })).map((user) => [user.id, user]),
    );
    return rows
      .map((row) => {
        const scorecards = Number(row.scorecards);
        const deviation = row.mean_deviation === null ? null : Number(row.mean_deviation);
        return {
          interviewer: users.get(row.interviewer_id)!,
          scorecards,
          meanScore: Number(row.mean_score),
          meanDeviationFromPanel: deviation,
          agreementWithOutcome: row.agreement === null ? null : Number(row.agreement),
          flagged:
            deviation !== null &&
            scorecards >= CALIBRATION_MIN_SCORECARDS &&
            Math.abs(deviation) >= CALIBRATION_MAX_DEVIATION,
        };
      })
      .sort(
        (a, b) =>
          a.interviewer.name.localeCompare(b.interviewer.name) || a.interviewer.id.localeCompare(b.interviewer.id),
      );
  }

  /**
   * `apps`: the applications the figures are about: the filter, narrowed to the positions the
   * caller may see (recruiters and admins all, a hiring manager those they manage).
   */
  private async applicationsCte(actor: Actor, filter: AnalyticsFilterValues) {
    if (filter.from && filter.to && filter.from >= filter.to) {
      throw new BadUserInputException('from must be before to.', { 'filter.to': 'must be after from' });
    }
    const scope = await this.positionScope(actor);
    const positionIds = scope.ids === null ? (filter.positionIds ?? null) : intersect(filter.positionIds, scope.ids);
    const cte = `with apps as (
        select a.id, a.status, a.experience_level, a.applied_at, a.decided_at
          from application a join position p on p.id = a.position_id
         where (?::uuid[] is null or a.position_id = any(?::uuid[]))
           and (?::timestamptz is null or a.applied_at >= ?::timestamptz)
           and (?::timestamptz is null or a.applied_at < ?::timestamptz)
           and (?::text[] is null or a.experience_level::text = any(?::text[]))
           and (?::text[] is null or p.company_profile::text = any(?::text[])))`;
    const array = (values: readonly string[] | null | undefined) => (values ? `{${values.join(',')}}` : null);
    const ids = array(positionIds);
    const levels = array(filter.experienceLevels);
    const profiles = array(filter.companyProfiles);
    const from = filter.from?.toISOString() ?? null;
    const to = filter.to?.toISOString() ?? null;
    return { cte, params: [ids, ids, from, from, to, to, levels, levels, profiles, profiles] };
  }

  private async positionScope(actor: Actor): Promise<{ ids: string[] | null; allows(id: string): boolean }> {
    if (this.policy.canEditCatalog(actor)) return { ids: null, allows: () => true };
    this.policy.assert(
      actor.roles.includes(Role.HIRING_MANAGER),
      'Analytics are for hiring managers, recruiters and admins.',
    );
    const managed = await this.em.find(Position, { hiringManager: actor.userId }, { fields: ['id'] });
    const ids = managed.map((position) => position.id);
    return { ids, allows: (id) => ids.includes(id) };
  }

  /** Analytics read from a replica when DATABASE_READ_URLS is set. */
  private read<Row>(sql: string, params: unknown[]): Promise<Row[]> {
    return this.em.getConnection('read').execute<Row[]>(sql, params);
  }
}

function intersect(given: readonly string[] | null | undefined, allowed: readonly string[]): string[] {
  return given ? given.filter((id) => allowed.includes(id)) : [...allowed];
}
