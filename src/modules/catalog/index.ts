export { CandidateQuestion } from './candidate-question.entity';
export {
  InterviewPlan,
  PlanStage,
  PlanStageQuestion,
  Rubric,
  RubricCriterion,
  SkillRequirement,
} from './interview-plan.entity';
export { PracticalTask } from './practical-task.entity';
export { Question } from './question.entity';
export { Skill } from './skill.entity';
export {
  CandidateQuestionType,
  InterviewPlanType,
  PlanStageType,
  QuestionType,
  RubricCriterionType,
  SkillRequirementType,
  SkillType,
  type StageParts,
} from './graphql/catalog.type';
export {
  copyPlan,
  loadPlans,
  loadPlanStages,
  PLAN_DEEP_FIELDS,
  PLAN_LIST_FIELDS,
  stageScalarsJson,
  type StageScalars,
} from './plan-graph';
export { BUILT_IN_PLANS, BuiltInCatalogService, readBuiltInPlan } from './built-in-catalog.service';
export { CatalogHooks, type CatalogEvents } from './catalog-hooks';
export { CatalogLoaders, STAGE_DEEP_FIELDS, STAGE_GRAPH } from './catalog.loaders';
export { CatalogModule } from './catalog.module';
