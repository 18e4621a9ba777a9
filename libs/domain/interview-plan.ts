import { SkillPriority } from './hiring';

/**
 * The rules every interview plan obeys, on a plain snapshot of it. Used when the built-in plan is
 * loaded and after every edit of a template or a position's plan: an edit that breaks a rule is
 * refused as a whole.
 */
export interface RubricLevelSnapshot {
  score: number;
  label: string;
  description: string;
}
export interface RubricSnapshot {
  scaleMin: number;
  scaleMax: number;
  criteria: Array<{ name: string; weight: number; levels: RubricLevelSnapshot[] }>;
}
export interface StageSnapshot {
  key: string;
  name: string;
  order: number;
  passThreshold: number | null;
  durationMinutes: number;
  feedbackDueHours: number;
  rubric: RubricSnapshot | null;
}
export interface SkillRequirementSnapshot {
  skillId: string;
  skillName: string;
  priority: SkillPriority;
  /** Keys of the stages that verify the skill. */
  verifiedIn: string[];
}
export interface PlanSnapshot {
  stages: StageSnapshot[];
  skillRequirements: SkillRequirementSnapshot[];
}

/** `{ path: message }` for every broken rule; empty when the plan is valid. */
export function planProblems(plan: PlanSnapshot): Record<string, string> {
  const problems: Record<string, string> = {};
  const orders = new Map<number, string>();
  plan.stages.forEach((stage, index) => {
    const at = `stages[${index}]`;
    if (!Number.isInteger(stage.order) || stage.order < 1) problems[`${at}.order`] = 'must be a whole number from 1';
    const clash = orders.get(stage.order);
    if (clash !== undefined) problems[`${at}.order`] = `${stage.order} is already used by stage "${clash}"`;
    orders.set(stage.order, stage.name);
    if (stage.name.trim() === '') problems[`${at}.name`] = 'must not be blank';
    if (!(stage.durationMinutes > 0)) problems[`${at}.durationMinutes`] = 'must be positive';
    if (!(stage.feedbackDueHours > 0)) problems[`${at}.feedbackDueHours`] = 'must be positive';
    Object.assign(problems, rubricProblems(stage.rubric, `${at}.rubric`));
    if (stage.passThreshold !== null) {
      if (!stage.rubric) {
        problems[`${at}.passThreshold`] = 'needs a rubric to compare against';
      } else if (stage.passThreshold < stage.rubric.scaleMin || stage.passThreshold > stage.rubric.scaleMax) {
        problems[`${at}.passThreshold`] =
          `${stage.passThreshold} is outside the rubric scale ${stage.rubric.scaleMin}..${stage.rubric.scaleMax}`;
      }
    }
  });
  const stageKeys = new Set(plan.stages.map((stage) => stage.key));
  plan.skillRequirements.forEach((requirement, index) => {
    const verifiedIn = requirement.verifiedIn.filter((key) => stageKeys.has(key));
    if (requirement.priority === SkillPriority.MUST_VERIFY && verifiedIn.length === 0) {
      problems[`skillRequirements[${index}].verifiedIn`] =
        `"${requirement.skillName}" must be verified, so at least one stage has to verify it`;
    }
  });
  return problems;
}

export function rubricProblems(rubric: RubricSnapshot | null, at: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!rubric) return problems;
  const { scaleMin, scaleMax } = rubric;
  if (!Number.isInteger(scaleMin) || !Number.isInteger(scaleMax) || scaleMin >= scaleMax) {
    problems[`${at}.scale`] = `${scaleMin}..${scaleMax} is not a scale of whole numbers from low to high`;
    return problems;
  }
  if (rubric.criteria.length === 0) problems[`${at}.criteria`] = 'a rubric needs at least one criterion';
  rubric.criteria.forEach((criterion, index) => {
    const path = `${at}.criteria[${index}]`;
    if (!(criterion.weight > 0) || !Number.isFinite(criterion.weight)) problems[`${path}.weight`] = 'must be positive';
    const scores = criterion.levels.map((level) => level.score);
    const outside = scores.filter((score) => !Number.isInteger(score) || score < scaleMin || score > scaleMax);
    if (outside.length) {
      problems[`${path}.levels`] = `score ${outside.join(', ')} is outside the scale ${scaleMin}..${scaleMax}`;
      return;
    }
    const missing: number[] = [];
    for (let score = scaleMin; score <= scaleMax; score += 1) if (!scores.includes(score)) missing.push(score);
    if (missing.length)
      problems[`${path}.levels`] = `"${criterion.name}" defines no level for score ${missing.join(', ')}`;
    else if (new Set(scores).size !== scores.length) problems[`${path}.levels`] = 'each score may be defined once';
  });
  return problems;
}
