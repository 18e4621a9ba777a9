import type { CompanyProfile, ExperienceLevel } from '../../../libs/domain';

/** The applications a figure is about, after the caller's access has been applied. */
export interface AnalyticsSlice {
  /** null: every position (the caller may see them all). */
  positionIds: readonly string[] | null;
  from: Date | null;
  to: Date | null;
  experienceLevels: readonly ExperienceLevel[] | null;
  companyProfiles: readonly CompanyProfile[] | null;
}

/** A half-open range of appliedAt; null ends are open. */
export type AppliedRange = readonly [from: Date | null, to: Date | null];

/**
 * How to read a slice over every position: whole weeks from the rollup tables, and the partial
 * weeks at the edges of the window from the base tables, so that any [from, to) is exact.
 */
export interface WeekPlan {
  /** Rollup weeks in [from, to) as ISO dates (Mondays), open ends null; null when no whole week fits. */
  weeks: { from: string | null; to: string | null } | null;
  /** appliedAt ranges read from the base tables. */
  edges: AppliedRange[];
}

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** The Monday 00:00 UTC on or before `at` (the rollups' week). */
export function weekStart(at: Date): Date {
  const midnight = Math.floor(at.getTime() / DAY) * DAY;
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - weekday * DAY);
}

export function planWeeks(from: Date | null, to: Date | null): WeekPlan {
  const first = from === null ? null : weekStart(from).getTime() === from.getTime() ? from : nextWeek(from);
  const last = to === null ? null : weekStart(to);
  if (first !== null && last !== null && first >= last) return { weeks: null, edges: [[from, to]] };
  const edges: AppliedRange[] = [];
  if (from !== null && first !== null && from < first) edges.push([from, first]);
  if (to !== null && last !== null && last < to) edges.push([last, to]);
  return { weeks: { from: first && isoDate(first), to: last && isoDate(last) }, edges };
}

function nextWeek(at: Date): Date {
  return new Date(weekStart(at).getTime() + WEEK);
}

function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A PostgreSQL array literal for a `?::type[]` parameter. */
export function pgArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

/** The filtered columns of the analytics fact tables (visits and scorecards), aliased `f`. */
export const FACT_COLUMNS = {
  position: 'f.position_id',
  appliedAt: 'f.applied_at',
  level: 'f.experience_level',
  profile: 'f.company_profile',
};

/** A SQL condition with its parameters. */
export interface Condition {
  sql: string;
  params: unknown[];
}

/**
 * Conditions on application `a` joined to its position `p` (or on a table with the same column
 * names, given as `a` and `p`): only the filters that are set, so the planner sees plain predicates.
 */
export function applicationConditions(
  slice: AnalyticsSlice,
  ranges: readonly AppliedRange[] = [[slice.from, slice.to]],
  columns = {
    position: 'a.position_id',
    appliedAt: 'a.applied_at',
    level: 'a.experience_level',
    profile: 'p.company_profile',
  },
): Condition {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (slice.positionIds !== null) {
    parts.push(`${columns.position} = any(?::uuid[])`);
    params.push(pgArray(slice.positionIds));
  }
  if (slice.experienceLevels) {
    parts.push(`${columns.level} = any(?::experience_level[])`);
    params.push(pgArray(slice.experienceLevels));
  }
  if (slice.companyProfiles) {
    parts.push(`${columns.profile} = any(?::company_profile[])`);
    params.push(pgArray(slice.companyProfiles));
  }
  if (ranges.length === 0) parts.push('false');
  const windows = ranges.map(([from, to]) => {
    const bounds: string[] = [];
    if (from) {
      bounds.push(`${columns.appliedAt} >= ?::timestamptz`);
      params.push(from.toISOString());
    }
    if (to) {
      bounds.push(`${columns.appliedAt} < ?::timestamptz`);
      params.push(to.toISOString());
    }
    return bounds.length ? `(${bounds.join(' and ')})` : null;
  });
  // An unbounded range makes the others irrelevant (it adds no parameters either).
  if (windows.length && !windows.includes(null)) parts.push(`(${windows.join(' or ')})`);
  return { sql: parts.length ? parts.join(' and ') : 'true', params };
}

/** Conditions on a rollup table's week, experience_level and company_profile columns. */
export function rollupConditions(slice: AnalyticsSlice, weeks: NonNullable<WeekPlan['weeks']>): Condition {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (weeks.from) {
    parts.push('week >= ?::date');
    params.push(weeks.from);
  }
  if (weeks.to) {
    parts.push('week < ?::date');
    params.push(weeks.to);
  }
  if (slice.experienceLevels) {
    parts.push('experience_level = any(?::experience_level[])');
    params.push(pgArray(slice.experienceLevels));
  }
  if (slice.companyProfiles) {
    parts.push('company_profile = any(?::company_profile[])');
    params.push(pgArray(slice.companyProfiles));
  }
  return { sql: parts.length ? parts.join(' and ') : 'true', params };
}
