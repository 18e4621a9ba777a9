import { operation } from './operation';

/** A plan as the plan and position tests read it, with what the scorecard tests need to fill one in. */
export interface PlanFields {
  id: string;
  name: string;
  version: number;
  stages: Array<{
    id: string;
    kind: string;
    name: string;
    order: number;
    autoAdvance: boolean;
    focusAreas: string[];
    interviewerWeighs: string[];
    passThreshold: number | null;
    revision: number;
    rubric: {
      id: string;
      scaleMin: number;
      scaleMax: number;
      criteria: Array<{ id: string; name: string; weight: number; levels: Array<{ score: number; label: string }> }>;
    } | null;
    questions: Array<{ id: string; prompt: string; redFlags: string[]; skills: Array<{ id: string; name: string }> }>;
    practicalTask: { id: string; title: string } | null;
  }>;
  skillRequirements: Array<{
    skill: { id: string; name: string };
    priority: string;
    verifiedIn: Array<{ id: string }>;
  }>;
}

export const PLAN_FIELDS = `fragment PlanFields on InterviewPlan {
  id name version
  stages { id kind name order autoAdvance focusAreas interviewerWeighs passThreshold revision
    rubric { id scaleMin scaleMax criteria { id name weight levels { score label } } }
    questions { id prompt redFlags skills { id name } } practicalTask { id title } }
  skillRequirements { skill { id name } priority verifiedIn { id } }
}`;

export const PLAN_TEMPLATES = operation<{ planTemplates: PlanFields[] }>(
  `query PlanTemplates { planTemplates { ...PlanFields } } ${PLAN_FIELDS}`,
);

export const PLAN_TEMPLATE = operation<{ planTemplate: PlanFields | null }, { id: string }>(
  `query PlanTemplate($id: ID!) { planTemplate(id: $id) { ...PlanFields } } ${PLAN_FIELDS}`,
);

export const CREATE_PLAN_TEMPLATE = operation<
  { createPlanTemplate: { plan: { id: string; name: string; version: number; stages: Array<{ id: string }> } } },
  { input: { name: string; description?: string; copyFromTemplateId?: string } }
>(`mutation CreatePlanTemplate($input: CreatePlanTemplateInput!) {
  createPlanTemplate(input: $input) { plan { id name version stages { id } } }
}`);

export const UPDATE_PLAN_TEMPLATE = operation<
  { updatePlanTemplate: { plan: { name: string; version: number } } },
  { input: { planId: string; name?: string; description?: string } }
>(`mutation UpdatePlanTemplate($input: UpdatePlanTemplateInput!) {
  updatePlanTemplate(input: $input) { plan { name version } }
}`);

export const UPDATE_PLAN_STAGE = operation<
  {
    updatePlanStage: {
      stage: {
        id: string;
        planId: string;
        name: string;
        passThreshold: number | null;
        revision: number;
        participants: string[];
        preparationTips: string[];
      };
    };
  },
  {
    input: {
      stageId: string;
      name?: string;
      passThreshold?: number;
      durationMinutes?: number;
      expectedRevision?: number;
      participants?: string[];
      preparationTips?: string[];
    };
  }
>(`mutation UpdatePlanStage($input: UpdatePlanStageInput!) {
  updatePlanStage(input: $input) { stage { id planId name passThreshold revision participants preparationTips } }
}`);

export interface RubricInput {
  name: string;
  scaleMin?: number;
  scaleMax?: number;
  criteria: Array<{
    name: string;
    description: string;
    weight: number;
    levels: Array<{ score: number; label: string; description: string }>;
  }>;
}

export const SET_STAGE_RUBRIC = operation<
  { setStageRubric: { stage: { id: string } } },
  { input: { stageId: string; rubric: RubricInput } }
>(`mutation SetStageRubric($input: SetStageRubricInput!) { setStageRubric(input: $input) { stage { id } } }`);

export const SET_SKILL_REQUIREMENT = operation<
  {
    setSkillRequirement: {
      plan: { skillRequirements: Array<{ skill: { name: string }; verifiedIn: Array<{ id: string }> }> };
    };
  },
  {
    input: {
      planId: string;
      skillId: string;
      priority: string;
      verificationMethod: string;
      verifiedInStageIds: string[];
    };
  }
>(`mutation SetSkillRequirement($input: SetSkillRequirementInput!) {
  setSkillRequirement(input: $input) { plan { skillRequirements { skill { name } verifiedIn { id } } } }
}`);

export const REMOVE_SKILL_REQUIREMENT = operation<
  {
    removeSkillRequirement: {
      plan: { id: string; version: number; skillRequirements: Array<{ skill: { id: string; name: string } }> };
    };
  },
  { input: { planId: string; skillId: string } }
>(`mutation RemoveSkillRequirement($input: RemoveSkillRequirementInput!) {
  removeSkillRequirement(input: $input) { plan { id version skillRequirements { skill { id name } } } }
}`);

export const REMOVE_PLAN_STAGE = operation<
  { removePlanStage: { plan: { id: string } } },
  { input: { stageId: string } }
>(`mutation RemovePlanStage($input: RemovePlanStageInput!) { removePlanStage(input: $input) { plan { id } } }`);

export const REORDER_PLAN_STAGES = operation<
  { reorderPlanStages: { plan: { id: string } } },
  { input: { planId: string; stageIds: string[] } }
>(`mutation ReorderPlanStages($input: ReorderPlanStagesInput!) { reorderPlanStages(input: $input) { plan { id } } }`);

export const SKILLS = operation<{ skills: Array<{ id: string; name: string }> }>(`query Skills { skills { id name } }`);

export const QUESTIONS = operation<
  { questions: Array<{ id: string; category: string; skills: Array<{ id: string }> }> },
  { category?: string; skillId?: string }
>(`query Questions($category: QuestionCategory, $skillId: ID) {
  questions(category: $category, skillId: $skillId) { id category skills { id } }
}`);

export const CREATE_QUESTION = operation<
  { createQuestion: { question: { id: string; prompt: string; archived: boolean } } },
  { input: { category: string; prompt: string; whatInterviewerWants: string; keyPoints: string[] } }
>(
  `mutation CreateQuestion($input: QuestionInput!) { createQuestion(input: $input) { question { id prompt archived } } }`,
);

export const ARCHIVE_QUESTION = operation<
  { archiveQuestion: { question: { archived: boolean } } },
  { input: { id: string } }
>(`mutation ArchiveQuestion($input: ArchiveInput!) { archiveQuestion(input: $input) { question { archived } } }`);

export const CREATE_PRACTICAL_TASK = operation<
  { createPracticalTask: { id: string } },
  {
    input: {
      title: string;
      description: string;
      minDurationHours: number;
      maxDurationHours: number;
      requirements: string[];
      deliverables: string[];
      evaluationCriteria: string[];
    };
  }
>(`mutation CreatePracticalTask($input: PracticalTaskInput!) { createPracticalTask(input: $input) { id } }`);
