import { ExperienceLevel } from './hiring';

/**
 * Reference figures a plan's actual results are compared with. Rates are shares in 0..1; the
 * process length is a range of weeks from application to decision. Every figure is optional: a
 * team sets only what it knows (the built-in plan comes with the overall rate and the length).
 */
export interface PlanBenchmarks {
  overallSuccessRate: number | null;
  minWeeks: number | null;
  maxWeeks: number | null;
  /** Expected pass rate of a stage, by the stage's key (stable across a plan's copies). */
  stagePassRates: Array<{ stageKey: string; passRate: number }>;
  experienceLevelSuccessRates: Array<{ experienceLevel: ExperienceLevel; successRate: number }>;
  note: string | null;
}

/** How the days an application spent in the process compare with the benchmark's range of weeks. */
export enum DurationVersusBenchmark {
  SHORTER = 'SHORTER',
  WITHIN = 'WITHIN',
  LONGER = 'LONGER',
}

const isRate = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
const isWeeks = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Reads the benchmarks stored on a plan (the `benchmarks` JSON of the data files and of
 * `toStoredBenchmarks`). Figures that are missing or out of range are left out; null when no
 * figure remains.
 */
export function readPlanBenchmarks(stored: unknown): PlanBenchmarks | null {
  const source = record(stored);
  const weeks = record(source.averageDurationWeeks);
  const levels = new Set<string>(Object.values(ExperienceLevel));
  const benchmarks: PlanBenchmarks = {
    overallSuccessRate: isRate(source.overallSuccessRate) ? source.overallSuccessRate : null,
    minWeeks: isWeeks(weeks.min) ? weeks.min : null,
    maxWeeks: isWeeks(weeks.max) ? weeks.max : null,
    stagePassRates: list(source.byStage)
      .map(record)
      .filter((entry) => typeof entry.stageKey === 'string' && isRate(entry.passRate))
      .map((entry) => ({ stageKey: entry.stageKey as string, passRate: entry.passRate as number })),
    experienceLevelSuccessRates: list(source.byExperienceLevel)
      .map(record)
      .filter((entry) => levels.has(entry.experienceLevel as string) && isRate(entry.successRate))
      .map((entry) => ({
        experienceLevel: entry.experienceLevel as ExperienceLevel,
        successRate: entry.successRate as number,
      })),
    note: typeof source.note === 'string' && source.note.trim() ? source.note : null,
  };
  const empty =
    benchmarks.overallSuccessRate === null &&
    benchmarks.minWeeks === null &&
    benchmarks.maxWeeks === null &&
    benchmarks.stagePassRates.length === 0 &&
    benchmarks.experienceLevelSuccessRates.length === 0;
  return empty ? null : benchmarks;
}

/** The JSON stored on the plan; `readPlanBenchmarks(toStoredBenchmarks(b))` gives `b` back. */
export function toStoredBenchmarks(benchmarks: PlanBenchmarks): Record<string, unknown> {
  return {
    overallSuccessRate: benchmarks.overallSuccessRate,
    averageDurationWeeks: { min: benchmarks.minWeeks, max: benchmarks.maxWeeks },
    byStage: benchmarks.stagePassRates.map((entry) => ({ ...entry })),
    byExperienceLevel: benchmarks.experienceLevelSuccessRates.map((entry) => ({ ...entry })),
    note: benchmarks.note,
  };
}

/** What is wrong with a set of benchmarks a team wants to store, by field; empty when nothing. */
export function benchmarkProblems(benchmarks: PlanBenchmarks): Record<string, string> {
  const problems: Record<string, string> = {};
  if (benchmarks.overallSuccessRate !== null && !isRate(benchmarks.overallSuccessRate)) {
    problems.overallSuccessRate = 'must be a share between 0 and 1';
  }
  if (benchmarks.minWeeks !== null && !isWeeks(benchmarks.minWeeks)) problems.minWeeks = 'must be more than 0';
  if (benchmarks.maxWeeks !== null && !isWeeks(benchmarks.maxWeeks)) problems.maxWeeks = 'must be more than 0';
  if (benchmarks.minWeeks !== null && benchmarks.maxWeeks !== null && benchmarks.minWeeks > benchmarks.maxWeeks) {
    problems.maxWeeks = `must be at least minWeeks (${benchmarks.minWeeks})`;
  }
  const seenStages = new Set<string>();
  benchmarks.stagePassRates.forEach((entry, index) => {
    if (!isRate(entry.passRate)) problems[`stagePassRates[${index}].passRate`] = 'must be a share between 0 and 1';
    if (seenStages.has(entry.stageKey)) problems[`stagePassRates[${index}].stageId`] = 'this stage is listed twice';
    seenStages.add(entry.stageKey);
  });
  const seenLevels = new Set<string>();
  benchmarks.experienceLevelSuccessRates.forEach((entry, index) => {
    if (!isRate(entry.successRate)) {
      problems[`experienceLevelSuccessRates[${index}].successRate`] = 'must be a share between 0 and 1';
    }
    if (seenLevels.has(entry.experienceLevel)) {
      problems[`experienceLevelSuccessRates[${index}].experienceLevel`] = 'this level is listed twice';
    }
    seenLevels.add(entry.experienceLevel);
  });
  return problems;
}

/** actual - expected, in rate points; null when either is unknown. */
export function rateVersusBenchmark(actual: number | null, expected: number | null): number | null {
  return actual === null || expected === null ? null : actual - expected;
}

/**
 * Days in process against the benchmark's weeks: SHORTER below minWeeks, LONGER above maxWeeks,
 * WITHIN otherwise (both ends included). A missing end is open; null when the days or both ends
 * are unknown.
 */
export function durationVersusBenchmark(
  days: number | null,
  minWeeks: number | null,
  maxWeeks: number | null,
): DurationVersusBenchmark | null {
  if (days === null || (minWeeks === null && maxWeeks === null)) return null;
  if (minWeeks !== null && days < minWeeks * 7) return DurationVersusBenchmark.SHORTER;
  if (maxWeeks !== null && days > maxWeeks * 7) return DurationVersusBenchmark.LONGER;
  return DurationVersusBenchmark.WITHIN;
}

/**
 * The benchmarks that hold for figures over several plans: the plans' common overall figures when
 * every plan has the same ones, null otherwise (comparing a mix with one plan's figures would mislead).
 * Per-stage rates are left out: stages of different plans do not correspond.
 */
export function commonBenchmarks(plans: ReadonlyArray<PlanBenchmarks | null>): PlanBenchmarks | null {
  if (plans.length === 0 || plans.some((plan) => plan === null)) return null;
  const [first, ...rest] = plans as PlanBenchmarks[];
  const levels = (plan: PlanBenchmarks) =>
    JSON.stringify(
      [...plan.experienceLevelSuccessRates].sort((a, b) => a.experienceLevel.localeCompare(b.experienceLevel)),
    );
  const same = rest.every(
    (plan) =>
      plan.overallSuccessRate === first!.overallSuccessRate &&
      plan.minWeeks === first!.minWeeks &&
      plan.maxWeeks === first!.maxWeeks &&
      levels(plan) === levels(first!),
  );
  return same ? { ...first!, stagePassRates: [] } : null;
}
