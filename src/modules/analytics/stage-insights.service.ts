import { Injectable } from '@nestjs/common';
import { RejectionReason, StageKind, wilsonInterval } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { Question } from '../catalog';
import { AnalyticsReader, type AnalyticsFilterValues } from './analytics-reader';
import {
  applicationConditions,
  FACT_COLUMNS,
  pgArray,
  type AnalyticsSlice,
  type AppliedRange,
  type Condition,
} from './analytics-slice';

/** What stage figures across positions can be broken down by (stages are grouped by kind). */
export enum StageBreakdown {
  APPLIED_WEEK = 'APPLIED_WEEK',
  COMPANY_PROFILE = 'COMPANY_PROFILE',
  SOURCE = 'SOURCE',
  EXPERIENCE_LEVEL = 'EXPERIENCE_LEVEL',
}

/** A grouping expression over the visit facts and over the stage rollup. */
interface Grouping {
  fact: string;
  rollup: string;
  /** Turns the grouped value into the group's text, once per group rather than once per row. */
  label?: (grouped: string) => string;
}
const same = (sql: string): Grouping => ({ fact: sql, rollup: sql });
const BREAKDOWN: Record<StageBreakdown, Grouping> = {
  // From appliedAt on the facts: it is in their covering indexes, the week is not.
  [StageBreakdown.APPLIED_WEEK]: {
    fact: 'analytics_week(applied_at)',
    rollup: 'week',
    label: (grouped) => `to_char(${grouped}, 'YYYY-MM-DD')`,
  },
  [StageBreakdown.COMPANY_PROFILE]: same('company_profile::text'),
  [StageBreakdown.SOURCE]: same('source'),
  [StageBreakdown.EXPERIENCE_LEVEL]: same('experience_level::text'),
};
const NO_GROUP = same(`''`);
const REJECTION_REASON: Grouping = { fact: `coalesce(reason_code::text, '')`, rollup: 'reason_code' };

const STAGE_ORDER = Object.values(StageKind);
const HOUR = 3600;

interface StagePartRow {
  stage_kind: StageKind;
  grp: string;
  state: string;
  visits: string;
  closed_seconds: string;
  scheduled: string;
  schedule_seconds: string;
}

/**
 * Stage figures across positions, by stage kind: pass rates broken down by application week,
 * company profile, source or level, and how long scheduling, stages and scorecards take. Read
 * like the contract's figures: whole weeks from rollups, the rest from the maintained facts.
 */
@Injectable()
export class StageInsightsService {
  constructor(private readonly reader: AnalyticsReader) {}

  async stageRatesBy(actor: Actor, by: StageBreakdown, filter: AnalyticsFilterValues = {}) {
    const rows = await this.stageParts(await this.reader.slice(actor, filter), BREAKDOWN[by]);
    const groups = new Map<string, StagePartRow[]>();
    for (const row of rows) {
      const key = `${row.stage_kind}\u0000${row.grp}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    return [...groups.values()]
      .map((parts) => {
        const count = (state: string) =>
          parts.filter((part) => part.state === state).reduce((sum, part) => sum + Number(part.visits), 0);
        const passed = count('PASSED');
        const failed = count('FAILED');
        const interval = wilsonInterval(passed, passed + failed);
        return {
          stageKind: parts[0]!.stage_kind,
          group: parts[0]!.grp,
          entered: parts.reduce((sum, part) => sum + Number(part.visits), 0),
          passed,
          failed,
          withdrawn: count('WITHDRAWN'),
          inProgress: count('IN_PROGRESS'),
          passRate: interval.rate,
          passRateLow: interval.low,
          passRateHigh: interval.high,
        };
      })
      .sort(
        (a, b) => STAGE_ORDER.indexOf(a.stageKind) - STAGE_ORDER.indexOf(b.stageKind) || a.group.localeCompare(b.group),
      );
  }

  async stageTimings(actor: Actor, filter: AnalyticsFilterValues = {}) {
    const slice = await this.reader.slice(actor, filter);
    const [visits, cards] = await Promise.all([this.stageParts(slice, NO_GROUP), this.turnaround(slice)]);
    return STAGE_ORDER.map((stageKind) => {
      const parts = visits.filter((row) => row.stage_kind === stageKind);
      const closed = parts.filter((row) => row.state !== 'IN_PROGRESS');
      const sum = (rows: StagePartRow[], column: keyof StagePartRow) =>
        rows.reduce((total, row) => total + Number(row[column]), 0);
      const closedVisits = sum(closed, 'visits');
      const scheduled = sum(parts, 'scheduled');
      const card = cards.find((row) => row.stage_kind === stageKind);
      const scorecards = Number(card?.scorecards ?? 0);
      return {
        stageKind,
        entered: sum(parts, 'visits'),
        averageHoursInStage: closedVisits ? sum(closed, 'closed_seconds') / closedVisits / HOUR : null,
        withInterview: scheduled,
        averageHoursToFirstInterview: scheduled ? sum(parts, 'schedule_seconds') / scheduled / HOUR : null,
        scorecards,
        averageTurnaroundHours: scorecards ? Number(card!.turnaround_seconds) / scorecards / HOUR : null,
        onTimeShare: scorecards ? Number(card!.on_time) / scorecards : null,
      };
    }).filter((row) => row.entered > 0 || row.scorecards > 0);
  }

  /**
   * Visits closed FAILED per stage kind and rejection reason, with each reason's share of the
   * stage kind's failures.
   */
  async rejectionReasons(actor: Actor, filter: AnalyticsFilterValues = {}) {
    const failed = (await this.stageParts(await this.reader.slice(actor, filter), REJECTION_REASON)).filter(
      (row) => row.state === 'FAILED' && Number(row.visits) > 0,
    );
    const totals = new Map<StageKind, number>();
    for (const row of failed) totals.set(row.stage_kind, (totals.get(row.stage_kind) ?? 0) + Number(row.visits));
    return failed
      .map((row) => ({
        stageKind: row.stage_kind,
        reasonCode: (row.grp || RejectionReason.OTHER) as RejectionReason,
        rejections: Number(row.visits),
        share: Number(row.visits) / totals.get(row.stage_kind)!,
      }))
      .sort(
        (a, b) =>
          STAGE_ORDER.indexOf(a.stageKind) - STAGE_ORDER.indexOf(b.stageKind) ||
          b.rejections - a.rejections ||
          a.reasonCode.localeCompare(b.reasonCode),
      );
  }

  /**
   * Per question rated in a submitted scorecard: how its scores differ between candidates who then
   * passed the stage and those who failed it. effectSize is the difference of the means over the
   * pooled standard deviation (Cohen's d); questions that separate best come first.
   */
  async questionEffectiveness(actor: Actor, filter: AnalyticsFilterValues = {}) {
    const slice = await this.reader.slice(actor, filter);
    const sums = `count(*) as ratings, sum(score) as score_sum, sum(score * score) as score_squares`;
    const ratings = (ranges: readonly AppliedRange[], only?: readonly string[]) => {
      const where = applicationConditions(slice, ranges, FACT_COLUMNS);
      const onlyThese = only ? ` and f.interview_id = any(?::uuid[])` : '';
      return {
        sql: `select question_id, coalesce(outcome::text, '') as outcome, ${sums}
                from analytics_question_rating f where ${where.sql}${onlyThese} group by 1, 2`,
        params: only ? [...where.params, pgArray(only)] : where.params,
      };
    };
    const hidden = await this.reader.hiddenInterviews(actor);
    const parts = this.reader.withoutHidden(
      this.reader.byPlan(slice, ratings, (where) => ({
        sql: `select question_id, outcome, sum(ratings) as ratings, sum(score_sum) as score_sum,
                     sum(score_squares) as score_squares
                from analytics_question_rollup where ${where.sql} group by 1, 2`,
        params: where.params,
      })),
      hidden.length ? ratings([[slice.from, slice.to]], hidden) : null,
      ['question_id', 'outcome'],
      ['ratings', 'score_sum', 'score_squares'],
    );
    const rows = await this.reader.read<{
      question_id: string;
      outcome: string;
      ratings: string;
      score_sum: string;
      score_squares: string;
    }>(
      `select question_id, outcome, sum(ratings) as ratings, sum(score_sum) as score_sum,
              sum(score_squares) as score_squares
         from (${parts.sql}) parts group by 1, 2 having sum(ratings) > 0`,
      parts.params,
    );
    const byQuestion = new Map<string, typeof rows>();
    for (const row of rows) byQuestion.set(row.question_id, [...(byQuestion.get(row.question_id) ?? []), row]);
    const questions = new Map(
      (await this.reader.find(Question, [...byQuestion.keys()], ['skills'])).map((question) => [question.id, question]),
    );
    return [...byQuestion.entries()]
      .filter(([id]) => questions.has(id))
      .map(([id, group]) => {
        const side = (outcome: string) => {
          const row = group.find((candidate) => candidate.outcome === outcome);
          return {
            n: Number(row?.ratings ?? 0),
            sum: Number(row?.score_sum ?? 0),
            squares: Number(row?.score_squares ?? 0),
          };
        };
        const passed = side('PASSED');
        const failed = side('FAILED');
        const meanPassed = passed.n ? passed.sum / passed.n : null;
        const meanFailed = failed.n ? failed.sum / failed.n : null;
        const separation = meanPassed !== null && meanFailed !== null ? meanPassed - meanFailed : null;
        // (n - 1) * variance = sum of squares - sum^2 / n, pooled over both sides.
        const spread = (s: typeof passed) => (s.n ? s.squares - (s.sum * s.sum) / s.n : 0);
        const degrees = passed.n + failed.n - 2;
        const pooled = degrees > 0 ? Math.sqrt(Math.max(0, spread(passed) + spread(failed)) / degrees) : 0;
        return {
          question: questions.get(id)!,
          ratings: group.reduce((total, row) => total + Number(row.ratings), 0),
          passedRatings: passed.n,
          failedRatings: failed.n,
          meanScorePassed: meanPassed,
          meanScoreFailed: meanFailed,
          separation,
          effectSize: separation !== null && passed.n >= 2 && failed.n >= 2 && pooled > 0 ? separation / pooled : null,
        };
      })
      .sort(
        (a, b) =>
          (b.effectSize ?? -Infinity) - (a.effectSize ?? -Infinity) ||
          (b.separation ?? -Infinity) - (a.separation ?? -Infinity) ||
          a.question.id.localeCompare(b.question.id),
      );
  }

  /** Visit counts and duration sums per stage kind, group and state over the slice. */
  private stageParts(slice: AnalyticsSlice, group: Grouping): Promise<StagePartRow[]> {
    const parts = this.reader.byPlan(
      slice,
      (ranges: readonly AppliedRange[]): Condition => {
        const where = applicationConditions(slice, ranges, FACT_COLUMNS);
        return {
          sql: `select stage_kind, ${group.fact} as grp,
                       case when exited_at is null then 'IN_PROGRESS' else coalesce(outcome::text, 'CLOSED') end as state,
                       count(*) as visits, coalesce(sum(extract(epoch from exited_at - entered_at)), 0) as closed_seconds,
                       count(first_interview_at) as scheduled,
                       coalesce(sum(extract(epoch from first_interview_at - entered_at)), 0) as schedule_seconds
                  from analytics_stage_visit f where ${where.sql} group by 1, 2, 3`,
          params: where.params,
        };
      },
      (where) => ({
        sql: `select stage_kind, ${group.rollup} as grp, state, sum(visits) as visits, sum(closed_seconds) as closed_seconds,
                     sum(scheduled) as scheduled, sum(schedule_seconds) as schedule_seconds
                from analytics_stage_rollup where ${where.sql} group by 1, 2, 3`,
        params: where.params,
      }),
    );
    return this.reader.read<StagePartRow>(
      `select stage_kind, ${group.label?.('grp') ?? 'grp'} as grp, state, sum(visits) as visits,
              sum(closed_seconds) as closed_seconds, sum(scheduled) as scheduled, sum(schedule_seconds) as schedule_seconds
         from (${parts.sql}) parts group by stage_kind, parts.grp, state`,
      parts.params,
    );
  }

  /** Submitted scorecards, their turnaround sums and how many were on time, per stage kind. */
  private turnaround(slice: AnalyticsSlice) {
    const parts = this.reader.byPlan(
      slice,
      (ranges) => {
        const where = applicationConditions(slice, ranges, FACT_COLUMNS);
        return {
          sql: `select stage_kind, count(*) as scorecards, sum(turnaround_seconds) as turnaround_seconds,
                       sum(on_time) as on_time
                  from analytics_calibration_card f where ${where.sql} group by 1`,
          params: where.params,
        };
      },
      (where) => ({
        sql: `select stage_kind, sum(scorecards) as scorecards, sum(turnaround_seconds) as turnaround_seconds,
                     sum(on_time) as on_time
                from analytics_turnaround_rollup where ${where.sql} group by 1`,
        params: where.params,
      }),
    );
    return this.reader.read<{ stage_kind: StageKind; scorecards: string; turnaround_seconds: string; on_time: string }>(
      `select stage_kind, sum(scorecards) as scorecards, sum(turnaround_seconds) as turnaround_seconds,
              sum(on_time) as on_time
         from (${parts.sql}) parts group by 1`,
      parts.params,
    );
  }
}
