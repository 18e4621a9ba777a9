import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { CompanyProfile } from '../../../libs/domain';
import backendDeveloperPlan from './data/backend-developer.plan.json';
import { builtInPlanReferenceProblems, builtInPlanSchema, type BuiltInPlan } from './built-in-plan.schema';
import { CandidateQuestion } from './candidate-question.entity';
import {
  InterviewPlan,
  PlanStage,
  PlanStageQuestion,
  Rubric,
  RubricCriterion,
  SkillRequirement,
  type ProfileEmphasis,
} from './interview-plan.entity';
import { assertValidPlan } from './plan-graph';
import { PracticalTask } from './practical-task.entity';
import { Question } from './question.entity';
import { Skill } from './skill.entity';

/** The built-in plans: data files, imported so the build carries them along. */
export const BUILT_IN_PLANS: Record<string, unknown> = { 'backend-developer.plan.json': backendDeveloperPlan };

/** Checks a built-in plan file; throws naming every problem. */
export function readBuiltInPlan(file: string): BuiltInPlan {
  const parsed = builtInPlanSchema.safeParse(BUILT_IN_PLANS[file]);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`catalog/data/${file} is invalid: ${issues.join('; ')}`);
  }
  const problems = builtInPlanReferenceProblems(parsed.data);
  if (problems.length) throw new Error(`catalog/data/${file} is invalid: ${problems.join('; ')}`);
  return parsed.data;
}

/**
 * Loads the built-in plans (and their skills, questions, tasks) into the catalog. Idempotent:
 * records are found by key, a template that exists in any version is left as it is, so edits made
 * through the API survive restarts.
 */
@Injectable()
export class BuiltInCatalogService {
  private readonly logger = new Logger(BuiltInCatalogService.name);

  constructor(private readonly orm: MikroORM) {}

  async load(): Promise<void> {
    for (const file of Object.keys(BUILT_IN_PLANS)) {
      const data = readBuiltInPlan(file);
      const created = await this.orm.em.fork().transactional(async (em) => {
        await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`built-in-plan:${data.key}`]);
        return this.loadPlan(em, data);
      });
      if (created) this.logger.log(`Loaded the built-in "${data.name}" interview plan`);
    }
  }

  private async loadPlan(em: EntityManager, data: BuiltInPlan): Promise<boolean> {
    const skills = await upsertByKey(em, Skill, data.skills, (item) => new Skill(item));
    const questions = await upsertByKey(em, Question, data.questions, (item) => {
      const question = new Question({ ...item });
      for (const skillKey of item.skills) question.skills.add(skills.get(skillKey)!);
      return question;
    });
    const tasks = await upsertByKey(em, PracticalTask, data.practicalTasks, (item) => {
      const task = new PracticalTask(item);
      for (const skillKey of item.skills) task.skills.add(skills.get(skillKey)!);
      return task;
    });
    await upsertByKey(em, CandidateQuestion, data.candidateQuestions, (item) => new CandidateQuestion(item));

    if ((await em.count(InterviewPlan, { builtInKey: data.key })) > 0) {
      await em.flush();
      return false;
    }
    const plan = new InterviewPlan({
      name: data.name,
      description: data.description,
      family: randomUUID(),
      version: 1,
      isTemplate: true,
    });
    plan.builtInKey = data.key;
    plan.benchmarks = data.benchmarks ?? null;
    em.persist(plan);

    const stages = new Map<string, PlanStage>();
    for (const item of data.stages) {
      const stage = new PlanStage({ ...item, plan });
      stage.profileEmphasis = profileEmphasisOf(data, item.key);
      stage.practicalTask = item.practicalTaskKey ? tasks.get(item.practicalTaskKey)! : null;
      stage.requiredFromLevel = item.requiredFromLevel;
      plan.stages.add(stage);
      stages.set(item.key, stage);
      const rubric = new Rubric({ stage, ...item.rubric });
      stage.rubric = rubric;
      em.persist(rubric);
      item.rubric.criteria.forEach((criterion, position) =>
        rubric.criteria.add(new RubricCriterion({ rubric, position, ...criterion })),
      );
      item.questionKeys.forEach((questionKey, position) =>
        stage.questionLinks.add(new PlanStageQuestion(stage, questions.get(questionKey)!, position)),
      );
    }
    data.skillRequirements.forEach((item, position) => {
      const requirement = new SkillRequirement({
        plan,
        skill: skills.get(item.skill)!,
        position,
        priority: item.priority,
        verificationMethod: item.verificationMethod,
        minimumRequirement: item.minimumRequirement,
        evaluationCriteria: item.evaluationCriteria,
      });
      for (const stageKey of item.verifiedInStages) requirement.verifiedIn.add(stages.get(stageKey)!);
      plan.skillRequirements.add(requirement);
    });
    assertValidPlan(plan);
    await em.flush();
    return true;
  }
}

function profileEmphasisOf(data: BuiltInPlan, stageKey: string): Partial<Record<CompanyProfile, ProfileEmphasis>> {
  const emphasis: Partial<Record<CompanyProfile, ProfileEmphasis>> = {};
  for (const profile of data.companyProfiles) {
    const entry = profile.stageEmphasis.find((candidate) => candidate.stageKey === stageKey);
    if (entry) {
      emphasis[profile.profile] = {
        extraFocusAreas: entry.extraFocusAreas,
        interviewerWeighs: entry.interviewerWeighs,
        criterionWeightMultipliers: entry.criterionWeightMultipliers,
      };
    }
  }
  return emphasis;
}

/** Finds records by key and creates the missing ones; returns key -> record. */
async function upsertByKey<Item extends { key: string }, Record extends { key: string | null }>(
  em: EntityManager,
  entity: new (...args: never[]) => Record,
  items: Item[],
  create: (item: Item) => Record,
): Promise<Map<string, Record>> {
  const existing = await em.find(entity as never, { key: { $in: items.map((item) => item.key) } } as never);
  const byKey = new Map((existing as Record[]).map((record) => [record.key!, record]));
  for (const item of items) {
    if (byKey.has(item.key)) continue;
    const record = create(item);
    em.persist(record);
    byKey.set(item.key, record);
  }
  return byKey;
}
