import { scoreProblem, type RatingScale } from './scoring';

/** One question an interviewer asked, scored on the stage rubric's scale. */
export interface QuestionRatingEntry {
  questionId: string;
  score: number;
}

/** What a scorecard's question ratings are checked against: the interview's plan stage. */
export interface QuestionRatingStage {
  name: string;
  /** The questions attached to the stage (its question list). */
  questionIds: readonly string[];
  /** The stage rubric's scale; null when the stage has no rubric. */
  scale: RatingScale | null;
}

/**
 * `{ "questionRatings[i].<field>": message }` for every broken rule, empty when the ratings are
 * valid: each question is one of the stage's and rated once, with a score on the rubric's scale.
 * Any subset of the stage's questions may be rated (interviewers rarely ask them all).
 */
export function questionRatingProblems(
  ratings: readonly QuestionRatingEntry[],
  stage: QuestionRatingStage,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const allowed = new Set(stage.questionIds);
  const seen = new Set<string>();
  ratings.forEach((rating, index) => {
    const at = `questionRatings[${index}]`;
    if (!allowed.has(rating.questionId)) {
      problems[`${at}.questionId`] = `not a question of the "${stage.name}" stage`;
    } else if (seen.has(rating.questionId)) {
      problems[`${at}.questionId`] = 'rated twice';
    }
    seen.add(rating.questionId);
    const problem = stage.scale
      ? scoreProblem(rating.score, stage.scale)
      : `"${stage.name}" has no rubric, so there is no scale to score on`;
    if (problem) problems[`${at}.score`] = problem;
  });
  return problems;
}
