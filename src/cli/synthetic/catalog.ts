// The catalog rows: the plan's skills and questions, the template plan and each position's copy
// (with its company profile's emphasis, as the catalog copies plans).
import { profileWeight, SkillPriority, type CompanyProfile, type CriterionWeight } from '../../../libs/domain';
import { Random, Stream } from './random';
import type { SyntheticHistory } from './rows';
import { SYNTHETIC_PLAN, type StageTemplate } from './plan';

/** A question of the bank with how well it tells strong candidates from weak ones. */
export interface QuestionInfo {
  id: string;
  key: string;
  /** In [0, 1): fixed per question and seed; 1 would score the candidate's ability with no noise. */
  discrimination: number;
  /** Standard deviation of the noise added to the candidate's ability when scoring this question. */
  noise: number;
}

/** A must-verify skill of the plan. */
export interface MustVerifySkill {
  skillId: string;
  name: string;
}

/** One stage of a plan as the application generator needs it. */
export interface StageInfo {
  id: string;
  /** 1-based, as the plan orders it. */
  order: number;
  template: StageTemplate;
  /** The rubric's criteria with this plan's weights. */
  criteria: CriterionWeight[];
  /** The stage's question list (the same bank questions in every plan copy). */
  questions: QuestionInfo[];
  /** Must-verify skills this stage verifies. */
  mustVerify: MustVerifySkill[];
  /** Must-verify skills no later stage verifies: the stage is never waived while one is unverified. */
  lastToVerify: string[];
}

export interface PlanInfo {
  planId: string;
  stages: StageInfo[];
  mustVerify: MustVerifySkill[];
}

export interface PlanCopy {
  templateId: string;
  profile: CompanyProfile;
  title: string;
}

export interface Catalog {
  questions: QuestionInfo[];
  /** Adds a plan (the template when `copy` is null) with its stages, rubrics, question lists and skill requirements. */
  addPlan(rng: Random, at: number, copy: PlanCopy | null): PlanInfo;
}

/** Adds the skills and questions to `rows`; plans are added through the returned catalog. */
export function createCatalog(rows: SyntheticHistory, seed: number, rng: Random, setupAt: number): Catalog {
  const stamp = (at: number) => ({ createdAt: new Date(at), updatedAt: new Date(at) });
  // Keys prefixed so the history can share a database with the built-in catalog.
  const skillIds = new Map<string, string>();
  for (const { skill } of SYNTHETIC_PLAN.skillRequirements) {
    const id = rng.uuid();
    skillIds.set(skill.key, id);
    rows.skills.push({ id, ...skill, key: `synthetic-${skill.key}`, archivedAt: null, ...stamp(setupAt) });
  }

  // Questions: the stages' lists, shared by every plan (plans link bank questions, as copies do).
  const questions = SYNTHETIC_PLAN.questions.map((question, index): QuestionInfo => {
    const qrng = new Random(seed, Stream.QUESTION, index);
    const id = qrng.uuid();
    rows.questions.push({ id, ...question, key: `synthetic-${question.key}`, archivedAt: null, ...stamp(setupAt) });
    // Spread on purpose: some questions separate candidates well, others are mostly noise.
    const discrimination = qrng.next();
    return { id, key: question.key, discrimination, noise: 0.25 + 3 * (1 - discrimination) };
  });
  const questionsByKey = new Map(questions.map((question) => [question.key, question]));
  let plans = 0;

  const addPlan = (planRng: Random, at: number, copy: PlanCopy | null): PlanInfo => {
    const linkRng = new Random(seed, Stream.PLAN_QUESTIONS, plans++);
    const planId = planRng.uuid();
    rows.interviewPlans.push({
      id: planId,
      name: copy ? `${copy.title} loop` : SYNTHETIC_PLAN.name,
      description: copy ? '' : SYNTHETIC_PLAN.description,
      family: planRng.uuid(),
      version: 1,
      isTemplate: copy === null,
      copiedFromId: copy?.templateId ?? null,
      supersededAt: null,
      archivedAt: null,
      builtInKey: null,
      ...stamp(at),
    });
    const stages = SYNTHETIC_PLAN.stages.map((template, index): StageInfo => {
      const emphasis = copy ? template.emphasis[copy.profile] : undefined;
      const stageId = planRng.uuid();
      rows.planStages.push({
        id: stageId,
        planId,
        key: template.key,
        kind: template.kind,
        name: template.name,
        order: index + 1,
        focusAreas: [...template.focusAreas, ...(emphasis?.extraFocusAreas ?? [])],
        participants: template.participants,
        successCriteria: template.successCriteria,
        preparationTips: template.preparationTips,
        durationMinutes: template.durationMinutes,
        feedbackDueHours: template.feedbackDueHours,
        autoAdvance: template.autoAdvance,
        passThreshold: template.passThreshold,
        interviewerWeighs: emphasis?.interviewerWeighs ?? [],
        revision: 1,
        ...stamp(at),
      });
      const rubric = template.rubric;
      const rubricId = planRng.uuid();
      rows.rubrics.push({
        id: rubricId,
        stageId,
        name: rubric.name,
        scaleMin: rubric.scaleMin,
        scaleMax: rubric.scaleMax,
        ...stamp(at),
      });
      const criteria = rubric.criteria.map((criterion, position): CriterionWeight => {
        const id = planRng.uuid();
        // As the catalog copies a plan for a profile: weights multiplied, to three decimals.
        const factor = emphasis?.criterionWeightMultipliers[criterion.key] ?? 1;
        const weight = profileWeight(criterion.weight, factor);
        rows.rubricCriteria.push({ id, rubricId, position, ...criterion, weight, ...stamp(at) });
        return { criterionId: id, name: criterion.name, weight };
      });
      const stageQuestions = template.questionKeys.map((key) => questionsByKey.get(key)!);
      stageQuestions.forEach((question, position) => {
        rows.planStageQuestions.push({
          id: linkRng.uuid(),
          stageId,
          questionId: question.id,
          position,
          ...stamp(at),
        });
      });
      return {
        id: stageId,
        order: index + 1,
        template,
        criteria,
        questions: stageQuestions,
        mustVerify: [],
        lastToVerify: [],
      };
    });
    const mustVerify: MustVerifySkill[] = [];
    SYNTHETIC_PLAN.skillRequirements.forEach((requirement, position) => {
      const requirementId = planRng.uuid();
      const skillId = skillIds.get(requirement.skill.key)!;
      rows.skillRequirements.push({
        id: requirementId,
        planId,
        skillId,
        position,
        priority: requirement.priority,
        verificationMethod: requirement.verificationMethod,
        minimumRequirement: requirement.minimumRequirement,
        evaluationCriteria: requirement.evaluationCriteria,
        ...stamp(at),
      });
      const verifying = stages.filter((stage) => requirement.verifiedInStages.includes(stage.template.key));
      for (const stage of verifying) {
        rows.skillRequirementVerifiedIn.push({ skillRequirementId: requirementId, planStageId: stage.id });
      }
      if (requirement.priority !== SkillPriority.MUST_VERIFY) return;
      const skill = { skillId, name: requirement.skill.name };
      if (verifying.length === 0) throw new Error(`No synthetic stage verifies the must-verify skill "${skill.name}"`);
      mustVerify.push(skill);
      for (const stage of verifying) stage.mustVerify.push(skill);
      verifying[verifying.length - 1]!.lastToVerify.push(skillId);
    });
    return { planId, stages, mustVerify };
  };
  return { questions, addPlan };
}
