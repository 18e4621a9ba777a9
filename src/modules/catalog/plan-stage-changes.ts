import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputException, ConflictException } from '../../common/errors/domain.exception';
import type { RubricInput, UpdatePlanStageInput } from './graphql/catalog.input';
import { PlanStageQuestion, Rubric, RubricCriterion, type PlanStage } from './interview-plan.entity';
import { PracticalTask } from './practical-task.entity';
import { Question } from './question.entity';

/** Applies the fields an UpdatePlanStageInput gives; unknown question or task ids are BAD_USER_INPUT. */
export async function applyStageChanges(
  em: EntityManager,
  stage: PlanStage,
  input: UpdatePlanStageInput,
): Promise<void> {
  if (input.expectedRevision !== undefined && input.expectedRevision !== stage.revision) {
    throw new ConflictException(
      `Stage "${stage.name}" changed since revision ${input.expectedRevision} (it is at ${stage.revision}); reload it and redo the edit.`,
      { currentRevision: stage.revision },
    );
  }
  if (input.name !== undefined) stage.name = input.name.trim();
  if (input.durationMinutes !== undefined) stage.durationMinutes = input.durationMinutes;
  if (input.feedbackDueHours !== undefined) stage.feedbackDueHours = input.feedbackDueHours;
  if (input.autoAdvance !== undefined) stage.autoAdvance = input.autoAdvance;
  if (input.passThreshold !== undefined) stage.passThreshold = input.passThreshold;
  if (input.focusAreas !== undefined) stage.focusAreas = input.focusAreas;
  if (input.successCriteria !== undefined) stage.successCriteria = input.successCriteria;
  if (input.participants !== undefined) stage.participants = input.participants;
  if (input.preparationTips !== undefined) stage.preparationTips = input.preparationTips;
  if (input.requiredFromLevel !== undefined) stage.requiredFromLevel = input.requiredFromLevel;
  if (input.practicalTaskId === null) stage.practicalTask = null;
  else if (input.practicalTaskId !== undefined) {
    const task = await em.findOne(PracticalTask, { id: input.practicalTaskId, archivedAt: null });
    if (!task)
      throw new BadUserInputException('Unknown practical task.', { 'input.practicalTaskId': 'unknown practical task' });
    stage.practicalTask = task;
  }
  if (input.questionIds !== undefined) {
    const questions = await em.find(Question, { id: { $in: input.questionIds } }, { populate: ['skills'] });
    const unknown = input.questionIds.filter((id) => !questions.some((question) => question.id === id));
    if (unknown.length) {
      throw new BadUserInputException(`Unknown question ${unknown.join(', ')}.`, {
        'input.questionIds': `unknown question ${unknown.join(', ')}`,
      });
    }
    for (const link of stage.questionLinks.getItems()) em.remove(link);
    stage.questionLinks.removeAll();
    input.questionIds.forEach((id, position) =>
      stage.questionLinks.add(
        new PlanStageQuestion(
          stage,
          questions.find((question) => question.id === id)!,
          position,
        ),
      ),
    );
  }
}

/** Replaces the stage's rubric with a new one; the plan rules check its scale and levels. */
export function replaceRubric(em: EntityManager, stage: PlanStage, input: RubricInput): void {
  if (stage.rubric) em.remove(stage.rubric);
  const rubric = new Rubric({ stage, name: input.name, scaleMin: input.scaleMin, scaleMax: input.scaleMax });
  input.criteria.forEach((criterion, position) =>
    rubric.criteria.add(
      new RubricCriterion({
        rubric,
        key: `criterion-${position + 1}`,
        position,
        name: criterion.name,
        description: criterion.description,
        weight: criterion.weight,
        levels: criterion.levels.map((level) => ({ ...level })),
        covers: criterion.covers ?? [],
      }),
    ),
  );
  stage.rubric = rubric;
  em.persist(rubric);
}
