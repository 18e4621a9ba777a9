// Stage decisions: panels scored so that the domain's decision rule (libs/domain decideStage)
// gives the outcome the simulation chose, and the application's skill evidence the rule reads.
import {
  Recommendation,
  SkillVerdict,
  StageDecisionOutcome,
  decideStage,
  skillVerdictOf,
  weightedScore,
  type RecordedVerdict,
  type StageDecisionResult,
} from '../../../libs/domain';
import type { StageInfo } from './catalog';
import type { InterviewerInfo } from './people';
import type { Random } from './random';

/** The skill verdicts an application has collected so far, as the hire gate and the stage rule read them. */
export class SkillEvidence {
  private readonly verdicts = new Map<string, RecordedVerdict[]>();

  record(skillId: string, verdict: SkillVerdict, stageOrder: number): void {
    const list = this.verdicts.get(skillId);
    if (list) list.push({ verdict, stageOrder });
    else this.verdicts.set(skillId, [{ verdict, stageOrder }]);
  }

  isVerified(skillId: string): boolean {
    return skillVerdictOf(this.verdicts.get(skillId) ?? []) === SkillVerdict.VERIFIED;
  }
}

export interface PanelScores {
  /** The candidate's ability on this stage, on the rubric's scale, that the scores were drawn around. */
  ability: number;
  /** Per panelist, a score per criterion of the stage (in rubric order). */
  scores: number[][];
  /** Per panelist, the weighted score (libs/domain weightedScore). */
  weighted: number[];
  recommendations: Recommendation[];
  /** What decideStage makes of these scorecards. */
  decision: StageDecisionResult;
}

export function clampScore(value: number): number {
  const rounded = Math.round(value);
  return rounded < 1 ? 1 : rounded > 4 ? 4 : rounded;
}

function recommend(rng: Random, score: number, threshold: number): Recommendation {
  const felt = score + 0.25 * rng.normal();
  if (felt >= 3.4) return Recommendation.STRONG_YES;
  if (felt >= threshold) return Recommendation.YES;
  if (felt >= 1.7) return Recommendation.NO;
  return Recommendation.STRONG_NO;
}

/**
 * Scores a panel so that decideStage, given these scorecards, the stage's threshold and the
 * application's must-verify skills, decides `passed`. Throws when it cannot: the simulation and
 * the rule disagree, and the history would be wrong.
 */
export function scorePanel(
  rng: Random,
  stage: StageInfo,
  panel: readonly InterviewerInfo[],
  passed: boolean,
  evidence: SkillEvidence,
): PanelScores {
  const { passThreshold: threshold, meetsScore } = stage.template;
  const criteria = stage.criteria;
  const mustVerifySkills = stage.mustVerify.map((skill) => ({
    name: skill.name,
    verified: evidence.isVerified(skill.skillId),
  }));
  const build = (ability: number, force: boolean): PanelScores => {
    const scores = panel.map((interviewer) =>
      criteria.map(() => {
        const score = clampScore(ability + interviewer.bias + 0.55 * rng.normal());
        if (!force) return score;
        return passed ? Math.max(score, 3) : Math.min(score, 2);
      }),
    );
    const ratings = scores.map((row) => row.map((score, c) => ({ criterionId: criteria[c]!.criterionId, score })));
    const weighted = ratings.map((row) => weightedScore(row, criteria)!);
    const recommendations = weighted.map((score) => {
      const recommendation = recommend(rng, score, threshold);
      if (!force) return recommendation;
      if (passed) return recommendation === Recommendation.STRONG_YES ? recommendation : Recommendation.YES;
      return recommendation === Recommendation.STRONG_NO ? recommendation : Recommendation.NO;
    });
    const decision = decideStage({
      scorecards: panel.map((interviewer, k) => ({
        interviewerName: interviewer.name,
        ratings: ratings[k]!,
        recommendation: recommendations[k]!,
      })),
      criteria,
      passThreshold: threshold,
      meetsScore,
      mustVerifySkills,
    });
    return { ability, scores, weighted, recommendations, decision };
  };
  const agrees = (result: PanelScores) => (result.decision.outcome === StageDecisionOutcome.PASSED) === passed;
  for (let attempt = 0; attempt < 12; attempt++) {
    const ability = passed ? threshold + 0.25 + Math.abs(0.45 * rng.normal()) : threshold - 0.55 + 0.5 * rng.normal();
    const result = build(ability, false);
    if (agrees(result)) return result;
  }
  const forced = build(passed ? threshold + 0.5 : threshold - 0.8, true);
  if (!agrees(forced)) {
    throw new Error(
      `Synthetic history: decideStage gives ${forced.decision.outcome} for a panel meant to ` +
        `${passed ? 'pass' : 'fail'} "${stage.template.name}": ${forced.decision.reasons.join('; ')}`,
    );
  }
  return forced;
}
