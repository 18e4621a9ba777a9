import { RejectionReason } from './hiring';

/** Scorecard recommendations, from strongest against to strongest for. */
export enum Recommendation {
  STRONG_NO = 'STRONG_NO',
  NO = 'NO',
  YES = 'YES',
  STRONG_YES = 'STRONG_YES',
}

export enum ScorecardStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
}

export enum StageDecisionOutcome {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}

export interface CriterionWeight {
  criterionId: string;
  name: string;
  weight: number;
}

export interface Rating {
  criterionId: string;
  score: number;
}

/** The rubric's scale: every rating of the stage (criteria and questions) is a whole number on it. */
export interface RatingScale {
  scaleMin: number;
  scaleMax: number;
}

/** What is wrong with a score on the scale, or null when it is a whole number from min to max. */
export function scoreProblem(score: number, scale: RatingScale): string | null {
  if (Number.isInteger(score) && score >= scale.scaleMin && score <= scale.scaleMax) return null;
  return `must be a whole number from ${scale.scaleMin} to ${scale.scaleMax}`;
}

/** Weighted mean of one scorecard's ratings (criteria weights); null when nothing is rated. */
export function weightedScore(ratings: readonly Rating[], criteria: readonly CriterionWeight[]): number | null {
  let total = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const rating = ratings.find((entry) => entry.criterionId === criterion.criterionId);
    if (!rating) continue;
    total += rating.score * criterion.weight;
    weights += criterion.weight;
  }
  return weights === 0 ? null : total / weights;
}

/**
 * The score that counts as meeting the bar for a stage's skill checks: the rubric level labelled
 * "Meets" (of its first criterion, as every criterion shares the scale), else the pass threshold.
 */
export function meetsScore(
  levels: ReadonlyArray<{ label: string; score: number }> | undefined,
  passThreshold: number | null,
): number {
  return levels?.find((level) => /^meets$/i.test(level.label))?.score ?? passThreshold ?? 0;
}

/** A criterion's weight in a company profile's copy of a plan: the factor applied, to 3 decimals. */
export function profileWeight(weight: number, factor: number): number {
  return Math.round(weight * factor * 1000) / 1000;
}

export interface SubmittedScorecard {
  interviewerName: string;
  ratings: readonly Rating[];
  recommendation: Recommendation;
}

export interface StageDecisionInput {
  scorecards: readonly SubmittedScorecard[];
  criteria: readonly CriterionWeight[];
  passThreshold: number;
  /** The score of the rubric level that means "meets the bar" (3 on the default 1..4 scale). */
  meetsScore: number;
  /** Must-verify skills this stage verifies, with the application's current verdict on each. */
  mustVerifySkills: ReadonlyArray<{ name: string; verified: boolean }>;
}

/** The conditions of the stage rule that fail a stage, as the rejection reasons they give. */
export type StageFailureCode =
  RejectionReason.SKILL_NOT_VERIFIED | RejectionReason.STRONG_NO | RejectionReason.BELOW_BAR;

/** When several conditions fail, the first of this list names the failure. */
export const STAGE_FAILURE_PRIORITY: readonly StageFailureCode[] = [
  RejectionReason.SKILL_NOT_VERIFIED,
  RejectionReason.STRONG_NO,
  RejectionReason.BELOW_BAR,
];

export interface StageDecisionResult {
  outcome: StageDecisionOutcome;
  /** Mean over the panel of each scorecard's weighted score. */
  average: number;
  reasons: string[];
  /** The failing condition that names a FAILED outcome (see STAGE_FAILURE_PRIORITY); null when PASSED. */
  reasonCode: StageFailureCode | null;
}

/**
 * The stage's recommendation once every panelist has submitted: PASSED when the panel's mean
 * weighted score reaches passThreshold, nobody said STRONG_NO, and every must-verify skill of the
 * stage is verified; otherwise FAILED. Reasons explain the result either way.
 */
export function decideStage(input: StageDecisionInput): StageDecisionResult {
  if (input.scorecards.length === 0) throw new Error('A stage decision needs at least one submitted scorecard.');
  const scores = input.scorecards.map((scorecard) => weightedScore(scorecard.ratings, input.criteria) ?? 0);
  const average = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  const reasons: string[] = [];
  const failures: Array<{ code: StageFailureCode; message: string }> = [];

  const belowMeets = input.criteria.filter((criterion) => {
    const given = input.scorecards
      .map((scorecard) => scorecard.ratings.find((rating) => rating.criterionId === criterion.criterionId)?.score)
      .filter((score): score is number => score !== undefined);
    return given.length > 0 && given.reduce((sum, score) => sum + score, 0) / given.length < input.meetsScore;
  });
  if (belowMeets.length > 0) {
    reasons.push(
      `${belowMeets.length} of ${input.criteria.length} criteria below 'meets': ${belowMeets.map((c) => c.name).join(', ')}`,
    );
  }
  const rounded = Math.round(average * 100) / 100;
  if (average >= input.passThreshold)
    reasons.push(`Weighted average ${rounded} reaches the threshold ${input.passThreshold}`);
  else
    failures.push({
      code: RejectionReason.BELOW_BAR,
      message: `Weighted average ${rounded} is below the threshold ${input.passThreshold}`,
    });
  for (const scorecard of input.scorecards) {
    if (scorecard.recommendation === Recommendation.STRONG_NO)
      failures.push({ code: RejectionReason.STRONG_NO, message: `STRONG_NO from ${scorecard.interviewerName}` });
  }
  for (const skill of input.mustVerifySkills) {
    if (!skill.verified)
      failures.push({
        code: RejectionReason.SKILL_NOT_VERIFIED,
        message: `Must-verify skill "${skill.name}" is not verified`,
      });
  }
  const codes = new Set(failures.map((failure) => failure.code));
  return {
    outcome: failures.length === 0 ? StageDecisionOutcome.PASSED : StageDecisionOutcome.FAILED,
    average,
    reasons: [...failures.map((failure) => failure.message), ...reasons],
    reasonCode: STAGE_FAILURE_PRIORITY.find((code) => codes.has(code)) ?? null,
  };
}

/** The YES/NO side of a recommendation. */
export function isPositive(recommendation: Recommendation): boolean {
  return recommendation === Recommendation.YES || recommendation === Recommendation.STRONG_YES;
}

/** Decimals a score is shown with (API fields, CSV); sums and decisions use the exact value. */
export const SCORE_DISPLAY_DECIMALS = 2;

/**
 * A score as shown: rounded half away from zero to SCORE_DISPLAY_DECIMALS, so 2.7399999999999998
 * reads 2.74. Only for display: never feed the result back into a sum or a threshold.
 */
export function displayScore<Value extends number | null>(value: Value): Value {
  if (value === null) return value;
  const factor = 10 ** SCORE_DISPLAY_DECIMALS;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
  return (Object.is(rounded, -0) ? 0 : rounded) as Value;
}
