import { Injectable } from '@nestjs/common';
import { EntityManager, LoadStrategy } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { byId, LoaderKey, requestLoader } from '../../graphql/request-loader';
import { selectsAnyBelow } from '../../graphql/selection';
import { PlanStageType, QuestionType, RubricCriterionType, SkillType } from './graphql/catalog.type';
import { PlanStage, RubricCriterion } from './interview-plan.entity';
import { loadStageScalars } from './plan-graph';
import { PracticalTask } from './practical-task.entity';
import { Question } from './question.entity';
import { Skill } from './skill.entity';

/** A stage with its kit: rubric, questions with their skills, practical task. */
export const STAGE_GRAPH = ['rubric.criteria', 'questionLinks.question.skills', 'practicalTask'] as const;

/** The fields below a stage that need more than its own row (see `stageFor`). */
export const STAGE_DEEP_FIELDS = ['rubric', 'questions', 'practicalTask'] as const;

const STAGES = new LoaderKey<string, PlanStageType>('catalog.stages');
const STAGE_ROWS = new LoaderKey<string, PlanStageType>('catalog.stageRows');
const CRITERIA = new LoaderKey<string, RubricCriterionType>('catalog.criteria');
const QUESTIONS = new LoaderKey<string, QuestionType>('catalog.questions');
const SKILLS = new LoaderKey<string, SkillType>('catalog.skills');
const TASK_SKILLS = new LoaderKey<string, SkillType[]>('catalog.taskSkills');

/** Per-request batch loaders of catalog records by id, for other modules' fields. */
@Injectable()
export class CatalogLoaders {
  constructor(private readonly em: EntityManager) {}

  stage(context: object) {
    return requestLoader(context, STAGES, async (ids) => {
      const rows = await this.em.find(
        PlanStage,
        { id: { $in: [...ids] } },
        { populate: STAGE_GRAPH, strategy: LoadStrategy.SELECT_IN },
      );
      return byId(ids, rows, (row) => PlanStageType.from(row), 'stage');
    });
  }

  /** Stages with their own fields only (rubric, questions and task left empty): one statement, plain rows. */
  stageRow(context: object) {
    return requestLoader(context, STAGE_ROWS, async (ids) =>
      byId(ids, await loadStageScalars(this.em, ids), (row) => PlanStageType.scalarsOf(row), 'stage'),
    );
  }

  /**
   * The loader for a `stage` field: with its kit when the query selects any of STAGE_DEEP_FIELDS
   * below it, its own row otherwise (a list of interviews showing stage names loads no rubrics).
   */
  stageFor(context: object, info: GraphQLResolveInfo) {
    return selectsAnyBelow(info, STAGE_DEEP_FIELDS) ? this.stage(context) : this.stageRow(context);
  }

  criterion(context: object) {
    return requestLoader(context, CRITERIA, async (ids) => {
      const rows = await this.em.find(RubricCriterion, { id: { $in: [...ids] } });
      return byId(ids, rows, (row) => RubricCriterionType.from(row), 'criterion');
    });
  }

  question(context: object) {
    return requestLoader(context, QUESTIONS, async (ids) => {
      const rows = await this.em.find(Question, { id: { $in: [...ids] } }, { populate: ['skills'] });
      return byId(ids, rows, (row) => QuestionType.from(row), 'question');
    });
  }

  skill(context: object) {
    return requestLoader(context, SKILLS, async (ids) => {
      const rows = await this.em.find(Skill, { id: { $in: [...ids] } });
      return byId(ids, rows, (row) => SkillType.from(row), 'skill');
    });
  }

  /** The skills of practical tasks, by task id: one statement for a list of tasks. */
  taskSkills(context: object) {
    return requestLoader(context, TASK_SKILLS, async (ids) => {
      const rows = await this.em.find(PracticalTask, { id: { $in: [...ids] } }, { populate: ['skills'] });
      return byId(
        ids,
        rows,
        (row) =>
          row.skills
            .getItems()
            .map((skill) => SkillType.from(skill))
            .sort((a, b) => a.name.localeCompare(b.name)),
        'practical task',
      );
    });
  }
}
