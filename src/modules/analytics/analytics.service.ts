import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  commonBenchmarks,
  durationVersusBenchmark,
  ExperienceLevel,
  ratio,
  rateVersusBenchmark,
  readPlanBenchmarks,
  wilsonInterval,
  type PlanBenchmarks,
} from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { NotFoundException } from '../../common/errors/domain.exception';
import { AnalyticsReader, type AnalyticsFilterValues } from './analytics-reader';
import {
  applicationConditions,
  FACT_COLUMNS,
  pgArray,
  type AnalyticsSlice,
  type AppliedRange,
} from './analytics-slice';
import { User } from '../identity';
import { Position } from '../positions';

export type { AnalyticsFilterValues } from './analytics-reader';

/** An interviewer is flagged when this many scorecards deviate on average by at least this much. */
export const CALIBRATION_MIN_SCORECARDS = 10;
export const CALIBRATION_MAX_DEVIATION = 0.5;

const HOUR = 3600;
const DECISION_SECONDS = 'analytics_decision_seconds(a.status, a.applied_at, a.decided_at)';
const DECISION_DAY = `floor(${DECISION_SECONDS} / 86400)`;

interface CountRow {
  status: string;
  experience_level?: ExperienceLevel;
  applications: string;
  decided: string;
  decision_seconds: string;
}

/** Sums count rows into the statuses the figures use. */
function tally(rows: readonly CountRow[]) {
  const sum = (statuses: readonly string[]) =>
    rows.filter((row) => statuses.includes(row.status)).reduce((total, row) => total + Number(row.applications), 0);
  const decidedRows = rows.filter((row) => row.status === 'HIRED' || row.status === 'REJECTED');
  return {
    applications: sum(['ACTIVE', 'ON_HOLD', 'HIRED', 'REJECTED', 'WITHDRAWN']),
    active: sum(['ACTIVE', 'ON_HOLD']),
    hired: sum(['HIRED']),
    rejected: sum(['REJECTED']),
    withdrawn: sum(['WITHDRAWN']),
    decided: decidedRows.reduce((total, row) => total + Number(row.decided), 0),
    decisionSeconds: decidedRows.reduce((total, row) => total + Number(row.decision_seconds), 0),
  };
}

/**
 * The contract's figures, read from the analytics facts and rollups (see AnalyticsReader; on a read
 * replica when one is configured). Definitions are binding and written down in docs/domain.md.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly em: EntityManager,
    private readonly reader: AnalyticsReader,
  ) {}

  async stageSuccessRates(actor: Actor, positionId: string, filter: AnalyticsFilterValues = {}) {
    // The caller's scope narrows the one position to nothing when they may not see it.
    const slice = await this.reader.slice(actor, { ...filter, positionIds: [positionId] });
    const position = await this.em.findOne(Position, { id: positionId });
    if (!position || !slice.positionIds?.includes(positionId)) throw new NotFoundException('Position', positionId);
    // A filter naming other positions selects none of this one's applications: the stages, all zero.
    const excluded = !!filter.positionIds && !filter.positionIds.includes(positionId);
    // The visit facts of one stage are contiguous in an index by (stage, appliedAt) that holds the
    // filtered columns: each stage is one index-only range read.
    const where = applicationConditions({ ...slice, positionIds: null }, undefined, FACT_COLUMNS);
    const rows = await this.reader.read<{
      key: string;
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
      `select s.key, s.kind, s.name, s."order", x.*
         from plan_stage s
        cross join lateral (
          select count(*) as entered,
                 count(*) filter (where f.outcome = 'PASSED') as passed,
                 count(*) filter (where f.outcome = 'FAILED') as failed,
                 count(*) filter (where f.outcome = 'WITHDRAWN') as withdrawn,
                 count(*) filter (where f.exited_at is null) as in_progress,
                 percentile_cont(0.5) within group (order by extract(epoch from f.exited_at - f.entered_at))
                   filter (where f.exited_at is not null) as median_seconds
            from analytics_stage_visit f
           where f.stage_id = s.id and ${where.sql}${excluded ? ' and false' : ''}) x
        where s.plan_id = ?
        order by s."order"`,
      [...where.params, position.plan.id],
    );
    const [plan] = await this.reader.read<{ benchmarks: unknown }>(
      'select benchmarks from interview_plan where id = ?',
      [position.plan.id],
    );
    const benchmarks = readPlanBenchmarks(plan?.benchmarks ?? null);
    return rows.map((row) => {
      const passed = Number(row.passed);
      const failed = Number(row.failed);
      const interval = wilsonInterval(passed, passed + failed);
      const expected = benchmarks?.stagePassRates.find((entry) => entry.stageKey === row.key)?.passRate ?? null;
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
        benchmarkPassRate: expected,
        passRateVsBenchmark: rateVersusBenchmark(interval.rate, expected),
      };
    });
  }

  async successRatesByExperienceLevel(actor: Actor, filter: AnalyticsFilterValues = {}) {
    const slice = await this.reader.slice(actor, filter);
    const rows = await this.applicationCounts(slice, ['experience_level']);
    const benchmarks = await this.sliceBenchmarks(slice);
    return Object.values(ExperienceLevel).map((level) => {
      const counts = tally(rows.filter((row) => row.experience_level === level));
      const successRate = ratio(counts.hired, counts.rejected);
      const expected =
        benchmarks?.experienceLevelSuccessRates.find((entry) => entry.experienceLevel === level)?.successRate ?? null;
      return {
        experienceLevel: level,
        applications: counts.applications,
        hired: counts.hired,
        rejected: counts.rejected,
        withdrawn: counts.withdrawn,
        active: counts.active,
        successRate,
        benchmarkSuccessRate: expected,
        successRateVsBenchmark: rateVersusBenchmark(successRate, expected),
      };
    });
  }

  async pipelineSummary(actor: Actor, filter: AnalyticsFilterValues = {}) {
    const slice = await this.reader.slice(actor, filter);
    const counts = tally(await this.applicationCounts(slice, []));
    const days = (seconds: number | null) => (seconds === null ? null : seconds / 86_400);
    const benchmarks = await this.sliceBenchmarks(slice);
    const overallSuccessRate = ratio(counts.hired, counts.rejected);
    const averageDurationDays = days(counts.decided ? counts.decisionSeconds / counts.decided : null);
    const minWeeks = benchmarks?.minWeeks ?? null;
    const maxWeeks = benchmarks?.maxWeeks ?? null;
    return {
      applications: counts.applications,
      active: counts.active,
      hired: counts.hired,
      rejected: counts.rejected,
      withdrawn: counts.withdrawn,
      overallSuccessRate,
      averageDurationDays,
      medianDurationDays: days(await this.medianDecisionSeconds(slice)),
      benchmarkSuccessRate: benchmarks?.overallSuccessRate ?? null,
      successRateVsBenchmark: rateVersusBenchmark(overallSuccessRate, benchmarks?.overallSuccessRate ?? null),
      benchmarkMinDays: minWeeks === null ? null : minWeeks * 7,
      benchmarkMaxDays: maxWeeks === null ? null : maxWeeks * 7,
      durationVsBenchmark: durationVersusBenchmark(averageDurationDays, minWeeks, maxWeeks),
    };
  }

  async interviewerCalibration(actor: Actor, filter: AnalyticsFilterValues = {}) {
    const slice = await this.reader.slice(actor, filter);
    const sums = `count(*) as scorecards, sum(score) as score_sum, coalesce(sum(deviation), 0) as deviation_sum,
                  count(deviation) as deviations, coalesce(sum(agreement), 0) as agreements, count(agreement) as judged`;
    const cards = (ranges: readonly AppliedRange[], only?: readonly string[]) => {
      const where = applicationConditions(slice, ranges, FACT_COLUMNS);
      const onlyThese = only ? ` and f.interview_id = any(?::uuid[])` : '';
      return {
        sql: `select interviewer_id, ${sums} from analytics_calibration_card f where ${where.sql}${onlyThese} group by interviewer_id`,
        params: only ? [...where.params, pgArray(only)] : where.params,
      };
    };
    const hidden = await this.reader.hiddenInterviews(actor);
    const parts = this.reader.withoutHidden(
      this.reader.byPlan(slice, cards, (where) => ({
        sql: `select interviewer_id, sum(scorecards) as scorecards, sum(score_sum) as score_sum,
                     sum(deviation_sum) as deviation_sum, sum(deviations) as deviations,
                     sum(agreements) as agreements, sum(judged) as judged
                from analytics_calibration_rollup where ${where.sql} group by interviewer_id`,
        params: where.params,
      })),
      hidden.length ? cards([[slice.from, slice.to]], hidden) : null,
      ['interviewer_id'],
      ['scorecards', 'score_sum', 'deviation_sum', 'deviations', 'agreements', 'judged'],
    );
    const rows = await this.reader.read<{
      interviewer_id: string;
      scorecards: string;
      score_sum: string;
      deviation_sum: string;
      deviations: string;
      agreements: string;
      judged: string;
    }>(
      `select interviewer_id, sum(scorecards) as scorecards, sum(score_sum) as score_sum,
              sum(deviation_sum) as deviation_sum, sum(deviations) as deviations,
              sum(agreements) as agreements, sum(judged) as judged
         from (${parts.sql}) parts group by interviewer_id having sum(scorecards) > 0`,
      parts.params,
    );
    const users = new Map(
      (
        await this.reader.find(
          User,
          rows.map((row) => row.interviewer_id),
        )
      ).map((user) => [user.id, user]),
    );
    return rows
      .map((row) => {
        const scorecards = Number(row.scorecards);
        const deviations = Number(row.deviations);
        const judged = Number(row.judged);
        const deviation = deviations ? Number(row.deviation_sum) / deviations : null;
        return {
          interviewer: users.get(row.interviewer_id)!,
          scorecards,
          meanScore: Number(row.score_sum) / scorecards,
          meanDeviationFromPanel: deviation,
          agreementWithOutcome: judged ? Number(row.agreements) / judged : null,
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
   * The benchmarks the slice's figures are compared with: those of the plans of the positions in
   * the slice when they all agree (commonBenchmarks), null otherwise or when no position is in it.
   */
  private async sliceBenchmarks(slice: AnalyticsSlice): Promise<PlanBenchmarks | null> {
    const where = applicationConditions({ ...slice, from: null, to: null, experienceLevels: null }, undefined, {
      position: 'p.id',
      appliedAt: 'p.created_at',
      level: 'null',
      profile: 'p.company_profile',
    });
    const rows = await this.reader.read<{ benchmarks: unknown }>(
      `select distinct pl.benchmarks from position p join interview_plan pl on pl.id = p.plan_id where ${where.sql}`,
      where.params,
    );
    return commonBenchmarks(rows.map((row) => readPlanBenchmarks(row.benchmarks)));
  }

  /** Application counts and decision-time sums per status (and the given dimensions) over the slice. */
  private async applicationCounts(slice: AnalyticsSlice, dimensions: Array<'experience_level'>) {
    const keys = ['status', ...dimensions].join(', ');
    const parts = this.reader.byPlan(
      slice,
      (ranges) => {
        const where = applicationConditions(slice, ranges);
        const columns = ['status', ...dimensions].map((column) => `a.${column}`).join(', ');
        return {
          sql: `select ${columns}, count(*) as applications, count(f.seconds) as decided,
                       coalesce(sum(f.seconds), 0) as decision_seconds
                  from application a join position p on p.id = a.position_id
                 cross join lateral (select ${DECISION_SECONDS} as seconds) f
                 where ${where.sql} group by ${columns}`,
          params: where.params,
        };
      },
      (where) => ({
        sql: `select ${keys}, sum(applications) as applications, sum(decided) as decided,
                     sum(decision_seconds) as decision_seconds
                from analytics_application_rollup where ${where.sql} group by ${keys}`,
        params: where.params,
      }),
    );
    return this.reader.read<CountRow>(
      `select ${keys}, sum(applications) as applications, sum(decided) as decided,
              sum(decision_seconds) as decision_seconds
         from (${parts.sql}) parts group by ${keys}`,
      parts.params,
    );
  }

  /**
   * The exact median of (decidedAt - appliedAt) in seconds over the slice's decided applications.
   * Over every position: the day histogram (rollup plus edges) locates the one or two middle
   * values' day, then only that day's applications are read and ordered.
   */
  private async medianDecisionSeconds(slice: AnalyticsSlice): Promise<number | null> {
    const where = applicationConditions(slice);
    const decidedApps = `from application a join position p on p.id = a.position_id
                         where a.status in ('HIRED', 'REJECTED') and a.decided_at is not null and ${where.sql}`;
    const exact = async () => {
      const [row] = await this.reader.read<{ median: string | null }>(
        `select percentile_cont(0.5) within group (order by ${DECISION_SECONDS}) as median ${decidedApps}`,
        where.params,
      );
      return row!.median === null ? null : Number(row!.median);
    };
    if (slice.positionIds !== null) return exact();
    const parts = this.reader.byPlan(
      slice,
      (ranges) => {
        const edge = applicationConditions(slice, ranges);
        return {
          sql: `select ${DECISION_DAY} as day, count(*) as applications
                  from application a join position p on p.id = a.position_id
                 where a.status in ('HIRED', 'REJECTED') and a.decided_at is not null and ${edge.sql}
                 group by 1`,
          params: edge.params,
        };
      },
      (rollup) => ({
        sql: `select day, sum(applications) as applications from analytics_decision_histogram
               where ${rollup.sql} group by day`,
        params: rollup.params,
      }),
    );
    const histogram = (
      await this.reader.read<{ day: number; applications: string }>(
        `select day, sum(applications) as applications from (${parts.sql}) parts group by day order by day`,
        parts.params,
      )
    ).map((bucket) => ({ day: bucket.day, count: Number(bucket.applications) }));
    const decided = histogram.reduce((total, bucket) => total + bucket.count, 0);
    if (decided === 0) return null;
    // 0-based ranks of the middle value(s), each read from its day alone.
    const values: number[] = [];
    for (const rank of new Set([Math.floor((decided - 1) / 2), Math.ceil((decided - 1) / 2)])) {
      let before = 0;
      const bucket = histogram.find((candidate) => rank < (before += candidate.count))!;
      const [row] = await this.reader.read<{ seconds: string }>(
        `select ${DECISION_SECONDS} as seconds ${decidedApps} and ${DECISION_DAY} = ?
          order by 1 offset ? limit 1`,
        [...where.params, bucket.day, rank - (before - bucket.count)],
      );
      // A decision committed between the two reads can move that day: then read all of them.
      if (!row) return exact();
      values.push(Number(row.seconds));
    }
    return values.length === 1 ? values[0]! : (values[0]! + values[1]!) / 2;
  }
}
