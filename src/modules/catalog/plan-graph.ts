import { LoadStrategy, type EntityManager } from '@mikro-orm/postgresql';
import { planProblems, profileWeight, type CompanyProfile, type PlanSnapshot } from '../../../libs/domain';
import { BadUserInputException } from '../../common/errors/domain.exception';
import {
  InterviewPlan,
  PlanStage,
  PlanStageQuestion,
  Rubric,
  RubricCriterion,
  SkillRequirement,
} from './interview-plan.entity';

/** Everything a plan shows, loaded in a fixed number of queries whatever the number of plans. */
export const PLAN_GRAPH = [
  'stages.rubric.criteria',
  'stages.questionLinks.question.skills',
  'stages.practicalTask',
  'skillRequirements.skill',
  'skillRequirements.verifiedIn',
] as const;

/**
 * The fields below a plan that need more than its stages' own rows: a query selecting none of them
 * is answered from loadPlanStages.
 */
export const PLAN_DEEP_FIELDS = ['rubric', 'questions', 'practicalTask', 'skillRequirements'] as const;

/**
 * The plan and stage columns that cost most to read in a long list (text arrays and the benchmarks
 * document): a query selecting none of them is answered without reading them.
 */
export const PLAN_LIST_FIELDS = [
  'focusAreas',
  'participants',
  'successCriteria',
  'preparationTips',
  'interviewerWeighs',
  'benchmarks',
] as const;

const STAGE_LISTS = ['focusAreas', 'participants', 'successCriteria', 'preparationTips', 'interviewerWeighs'] as const;

/** A stage's own columns, as a list of plans shows them (PlanStageType.scalarsOf). */
export type StageScalars = Pick<
  PlanStage,
  | 'id'
  | 'key'
  | 'kind'
  | 'name'
  | 'order'
  | 'focusAreas'
  | 'participants'
  | 'successCriteria'
  | 'preparationTips'
  | 'durationMinutes'
  | 'feedbackDueHours'
  | 'autoAdvance'
  | 'passThreshold'
  | 'interviewerWeighs'
  | 'revision'
  | 'requiredFromLevel'
> & { planId: string };

/** A plan's own columns with its stages' (InterviewPlanType.stagesOnly). */
export interface PlanWithStageScalars {
  id: string;
  name: string;
  description: string;
  version: number;
  isTemplate: boolean;
  benchmarks: object | null;
  stages: StageScalars[];
}

const STAGE_SCALARS = [
  'id',
  'plan',
  'key',
  'kind',
  'name',
  'order',
  'focusAreas',
  'participants',
  'successCriteria',
  'preparationTips',
  'durationMinutes',
  'feedbackDueHours',
  'autoAdvance',
  'passThreshold',
  'interviewerWeighs',
  'revision',
  'requiredFromLevel',
] as const;

/**
 * Plans with their stages' own columns only, as plain data: two statements whatever the number of
 * plans, and no entities. A list of positions with their stages' names made one entity per stage,
 * which cost more than everything else the request did; the query builder and its result mapping
 * then cost more than the SQL (200 plans, in-process: 5.8 ms of CPU through the query builder; the
 * stage rows alone as SQL with the columns named as the properties 2.5 ms, 1.4 without the text
 * array of interviewerWeighs).
 */
export async function loadPlanStages(
  em: EntityManager,
  ids: readonly string[],
  options: { lists: boolean } = { lists: true },
): Promise<PlanWithStageScalars[]> {
  if (ids.length === 0) return [];
  const sql = planStagesSql(em);
  const tier = options.lists ? 'lists' : 'names';
  const unique = [...new Set(ids)];
  // Without lists, the text arrays and the benchmarks stay unread and empty: the query shows none.
  const [plans, stages] = await Promise.all([
    em.execute<Array<Omit<PlanWithStageScalars, 'stages'>>>(sql.plans[tier], [unique]),
    em.execute<StageScalars[]>(sql.stages[tier], [unique]),
  ]);
  const unread = () => Object.fromEntries(STAGE_LISTS.map((name) => [name, []]));
  const byPlan = new Map<string, StageScalars[]>(plans.map((plan) => [plan.id, []]));
  for (const stage of stages) byPlan.get(stage.planId)?.push(options.lists ? stage : { ...stage, ...unread() });
  return plans.map((plan) => ({ ...plan, benchmarks: plan.benchmarks ?? null, stages: byPlan.get(plan.id)! }));
}

/**
 * Stages by id with their own columns only (StageScalars), as plain data in one statement: what a
 * `stage { id name }` below an interview or an application needs, without a PlanStage entity each.
 */
export async function loadStageScalars(em: EntityManager, ids: readonly string[]): Promise<StageScalars[]> {
  if (ids.length === 0) return [];
  return em.execute<StageScalars[]>(planStagesSql(em).stagesById, [[...new Set(ids)]]);
}

/**
 * SQL for the plan_stage row aliased `alias` as one JSON object shaped like StageScalars, for
 * plain-row reads that show a stage beside other columns (a stage's own columns hold no times,
 * so JSON keeps every value as it is).
 */
export function stageScalarsJson(em: EntityManager, alias: string): string {
  const pairs = STAGE_SCALARS.map((name) => `'${stageKey(name)}', ${alias}."${columnOf(em, PlanStage.name, name)}"`);
  return `json_build_object(${pairs.join(', ')})`;
}

/** A stage property's name in StageScalars: the plan relation is `planId`. */
const stageKey = (name: string) => (name === 'plan' ? 'planId' : name);

function columnOf(em: EntityManager, entity: string, property: string): string {
  return em.getMetadata().get(entity).properties[property]!.fieldNames[0]!;
}

const PLAN_COLUMNS = ['id', 'name', 'description', 'version', 'isTemplate'] as const;

/** The statements above, written once from the entities' metadata (table and column names). */
let statements: ReturnType<typeof writePlanStagesSql> | null = null;

function planStagesSql(em: EntityManager) {
  return (statements ??= writePlanStagesSql(em));
}

function writePlanStagesSql(em: EntityManager) {
  const metadata = em.getMetadata();
  const select = (entity: string, names: readonly string[]) =>
    names.map((name) => `"${columnOf(em, entity, name)}" as "${stageKey(name)}"`).join(', ');
  const plans = (names: readonly string[]) =>
    `select ${select(InterviewPlan.name, names)} from "${metadata.get(InterviewPlan.name).tableName}" where id in (?)`;
  const stages = (names: readonly string[], key: string) =>
    `select ${select(PlanStage.name, names)} from "${metadata.get(PlanStage.name).tableName}"
     where "${key}" in (?) order by "${columnOf(em, PlanStage.name, 'order')}", id`;
  const byPlan = columnOf(em, PlanStage.name, 'plan');
  const withoutLists = STAGE_SCALARS.filter((name) => !(STAGE_LISTS as readonly string[]).includes(name));
  return {
    plans: { lists: plans([...PLAN_COLUMNS, 'benchmarks']), names: plans(PLAN_COLUMNS) },
    stages: { lists: stages(STAGE_SCALARS, byPlan), names: stages(withoutLists, byPlan) },
    stagesById: stages(STAGE_SCALARS, 'id'),
  };
}

export async function loadPlans(em: EntityManager, ids: readonly string[]): Promise<InterviewPlan[]> {
  // One query per relation level: joining every branch at once would multiply the rows.
  return em.find(InterviewPlan, { id: { $in: [...ids] } }, { populate: PLAN_GRAPH, strategy: LoadStrategy.SELECT_IN });
}

export function snapshotOf(plan: InterviewPlan): PlanSnapshot {
  return {
    stages: plan.stages.getItems().map((stage) => ({
      key: stage.key,
      name: stage.name,
      order: stage.order,
      passThreshold: stage.passThreshold,
      durationMinutes: stage.durationMinutes,
      feedbackDueHours: stage.feedbackDueHours,
      rubric: stage.rubric
        ? {
            scaleMin: stage.rubric.scaleMin,
            scaleMax: stage.rubric.scaleMax,
            criteria: stage.rubric.criteria.getItems().map((criterion) => ({
              name: criterion.name,
              weight: criterion.weight,
              levels: criterion.levels,
            })),
          }
        : null,
    })),
    skillRequirements: plan.skillRequirements.getItems().map((requirement) => ({
      skillId: requirement.skill.id,
      skillName: requirement.skill.name,
      priority: requirement.priority,
      verifiedIn: requirement.verifiedIn.getItems().map((stage) => stage.key),
    })),
  };
}

/** Refuses (BAD_USER_INPUT, nothing written) a plan that breaks a rule of libs/domain/interview-plan. */
export function assertValidPlan(plan: InterviewPlan): void {
  const problems = planProblems(snapshotOf(plan));
  if (Object.keys(problems).length > 0) {
    const list = Object.entries(problems)
      .map(([path, message]) => `${path} ${message}`)
      .join('; ');
    throw new BadUserInputException(`The interview plan would be invalid: ${list}.`, problems);
  }
}

/**
 * Copies a fully loaded plan. A position's copy applies the company profile's emphasis: extra
 * focus areas, what interviewers weigh, and rubric weights multiplied per criterion.
 */
export function copyPlan(
  em: EntityManager,
  source: InterviewPlan,
  target: { isTemplate: boolean; family: string; version: number; profile?: CompanyProfile },
): InterviewPlan {
  const plan = new InterviewPlan({
    name: source.name,
    description: source.description,
    family: target.family,
    version: target.version,
    isTemplate: target.isTemplate,
  });
  plan.copiedFrom = target.isTemplate ? null : source;
  plan.builtInKey = target.isTemplate ? source.builtInKey : null;
  plan.benchmarks = source.benchmarks;
  em.persist(plan);

  const stageCopies = new Map<string, PlanStage>();
  for (const stage of source.stages.getItems()) {
    const emphasis = target.profile ? stage.profileEmphasis?.[target.profile] : undefined;
    const copy = new PlanStage({
      plan,
      key: stage.key,
      kind: stage.kind,
      name: stage.name,
      order: stage.order,
      focusAreas: [...stage.focusAreas, ...(emphasis?.extraFocusAreas ?? [])],
      participants: [...stage.participants],
      successCriteria: [...stage.successCriteria],
      preparationTips: [...stage.preparationTips],
      durationMinutes: stage.durationMinutes,
      feedbackDueHours: stage.feedbackDueHours,
      autoAdvance: stage.autoAdvance,
      passThreshold: stage.passThreshold,
    });
    copy.interviewerWeighs = emphasis ? [...emphasis.interviewerWeighs] : [...stage.interviewerWeighs];
    copy.profileEmphasis = target.isTemplate ? stage.profileEmphasis : null;
    copy.practicalTask = stage.practicalTask;
    copy.requiredFromLevel = stage.requiredFromLevel;
    plan.stages.add(copy);
    em.persist(copy);
    stageCopies.set(stage.id, copy);

    if (stage.rubric) {
      const rubric = new Rubric({
        stage: copy,
        name: stage.rubric.name,
        scaleMin: stage.rubric.scaleMin,
        scaleMax: stage.rubric.scaleMax,
      });
      copy.rubric = rubric;
      em.persist(rubric);
      for (const criterion of stage.rubric.criteria.getItems()) {
        const factor = emphasis?.criterionWeightMultipliers[criterion.key] ?? 1;
        rubric.criteria.add(
          new RubricCriterion({
            rubric,
            key: criterion.key,
            position: criterion.position,
            name: criterion.name,
            description: criterion.description,
            weight: profileWeight(criterion.weight, factor),
            levels: criterion.levels.map((level) => ({ ...level })),
            covers: [...criterion.covers],
          }),
        );
      }
    }
    for (const link of stage.questionLinks.getItems()) {
      copy.questionLinks.add(new PlanStageQuestion(copy, link.question, link.position));
    }
  }
  for (const requirement of source.skillRequirements.getItems()) {
    const copy = new SkillRequirement({
      plan,
      skill: requirement.skill,
      position: requirement.position,
      priority: requirement.priority,
      verificationMethod: requirement.verificationMethod,
      minimumRequirement: requirement.minimumRequirement,
      evaluationCriteria: [...requirement.evaluationCriteria],
    });
    for (const stage of requirement.verifiedIn.getItems()) copy.verifiedIn.add(stageCopies.get(stage.id)!);
    plan.skillRequirements.add(copy);
  }
  return plan;
}
