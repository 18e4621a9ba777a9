// The plan the synthetic positions copy: the built-in plan (its one home is the catalog's data
// file), restricted to the stages the simulation knows (STAGE_BEHAVIOUR). Stages, rubrics,
// questions, skills, requirements and company-profile emphasis all come from that file.
import { CompanyProfile, meetsScore, QuestionCategory, SkillPriority, StageKind } from '../../../libs/domain';
import { readBuiltInPlan } from '../../modules/catalog';
import type { RubricLevelJson } from './rows';
import { STAGE_BEHAVIOUR, type StageBehaviour } from './stage-behaviour';

/** The parts of a built-in plan file the generator reads (the catalog validates the whole file). */
interface BuiltInPlanFile {
  name: string;
  skills: Array<{ key: string; name: string; description: string }>;
  stages: Array<{
    key: string;
    kind: string;
    name: string;
    focusAreas: string[];
    participants: string[];
    successCriteria: string[];
    preparationTips: string[];
    durationMinutes: number;
    feedbackDueHours: number;
    autoAdvance: boolean;
    passThreshold: number | null;
    rubric: { name: string; scaleMin: number; scaleMax: number; criteria: CriterionTemplate[] };
    questionKeys: string[];
  }>;
  questions: Array<{
    key: string;
    category: string;
    prompt: string;
    whatInterviewerWants: string;
    keyPoints: string[];
    goodAnswerExample: string | null;
    badAnswerExample: string | null;
    followUps: string[];
    redFlags: string[];
    star: object | null;
  }>;
  skillRequirements: Array<{
    skill: string;
    priority: string;
    verificationMethod: string;
    minimumRequirement: string | null;
    evaluationCriteria: string[];
    verifiedInStages: string[];
  }>;
  companyProfiles: Array<{
    profile: string;
    stageEmphasis: Array<{
      stageKey: string;
      extraFocusAreas: string[];
      interviewerWeighs: string[];
      criterionWeightMultipliers: Partial<Record<string, number>>;
    }>;
  }>;
}

export interface CriterionTemplate {
  key: string;
  name: string;
  description: string;
  weight: number;
  covers: string[];
  levels: RubricLevelJson[];
}

/** How a company profile changes a stage when a position copies the plan. */
export interface ProfileEmphasis {
  extraFocusAreas: string[];
  interviewerWeighs: string[];
  criterionWeightMultipliers: Partial<Record<string, number>>;
}

export interface StageTemplate {
  key: string;
  kind: StageKind;
  name: string;
  focusAreas: string[];
  participants: string[];
  successCriteria: string[];
  preparationTips: string[];
  durationMinutes: number;
  feedbackDueHours: number;
  autoAdvance: boolean;
  passThreshold: number;
  rubric: { name: string; scaleMin: number; scaleMax: number; criteria: CriterionTemplate[] };
  /** The score of the rubric level labelled "Meets" (as StageDecisionService reads it). */
  meetsScore: number;
  questionKeys: string[];
  emphasis: Partial<Record<CompanyProfile, ProfileEmphasis>>;
  behaviour: StageBehaviour;
}

export interface QuestionTemplate {
  key: string;
  category: QuestionCategory;
  prompt: string;
  whatInterviewerWants: string;
  keyPoints: string[];
  goodAnswerExample: string | null;
  badAnswerExample: string | null;
  followUps: string[];
  redFlags: string[];
  star: object | null;
}

export interface SkillRequirementTemplate {
  skill: { key: string; name: string; description: string };
  priority: SkillPriority;
  verificationMethod: string;
  minimumRequirement: string | null;
  evaluationCriteria: string[];
  /** Keys of the synthetic plan's stages that verify the skill. */
  verifiedInStages: string[];
}

export interface SyntheticPlan {
  name: string;
  description: string;
  stages: StageTemplate[];
  /** The questions the stages list, each once, in order of first use. */
  questions: QuestionTemplate[];
  skillRequirements: SkillRequirementTemplate[];
}

function member<E extends Record<string, string>>(values: E, value: string, what: string): E[keyof E] {
  if (!(Object.values(values) as string[]).includes(value))
    throw new Error(`Built-in plan: unknown ${what} "${value}"`);
  return value as E[keyof E];
}

function syntheticPlanOf(file: BuiltInPlanFile, behaviour: Readonly<Record<string, StageBehaviour>>): SyntheticPlan {
  const stages = Object.entries(behaviour).map(([key, stageBehaviour]): StageTemplate => {
    const stage = file.stages.find((candidate) => candidate.key === key);
    if (!stage) throw new Error(`Built-in plan: no stage "${key}" for the synthetic loop`);
    if (stage.passThreshold === null) throw new Error(`Built-in plan: stage "${key}" has no pass threshold`);
    const emphasis: Partial<Record<CompanyProfile, ProfileEmphasis>> = {};
    for (const profile of file.companyProfiles) {
      const entry = profile.stageEmphasis.find((candidate) => candidate.stageKey === key);
      if (entry) emphasis[member(CompanyProfile, profile.profile, 'company profile')] = entry;
    }
    return {
      key,
      kind: member(StageKind, stage.kind, 'stage kind'),
      name: stage.name,
      focusAreas: stage.focusAreas,
      participants: stage.participants,
      successCriteria: stage.successCriteria,
      preparationTips: stage.preparationTips,
      durationMinutes: stage.durationMinutes,
      feedbackDueHours: stage.feedbackDueHours,
      autoAdvance: stage.autoAdvance,
      passThreshold: stage.passThreshold,
      rubric: stage.rubric,
      meetsScore: meetsScore(stage.rubric.criteria[0]?.levels, stage.passThreshold),
      questionKeys: stage.questionKeys,
      emphasis,
      behaviour: stageBehaviour,
    };
  });
  const stageKeys = new Set(stages.map((stage) => stage.key));
  const questionKeys = [...new Set(stages.flatMap((stage) => stage.questionKeys))];
  const questions = questionKeys.map((key): QuestionTemplate => {
    const question = file.questions.find((candidate) => candidate.key === key);
    if (!question) throw new Error(`Built-in plan: no question "${key}"`);
    return {
      key,
      category: member(QuestionCategory, question.category, 'question category'),
      prompt: question.prompt,
      whatInterviewerWants: question.whatInterviewerWants,
      keyPoints: question.keyPoints,
      goodAnswerExample: question.goodAnswerExample,
      badAnswerExample: question.badAnswerExample,
      followUps: question.followUps,
      redFlags: question.redFlags,
      star: question.star,
    };
  });
  const skillRequirements = file.skillRequirements.map((requirement): SkillRequirementTemplate => {
    const skill = file.skills.find((candidate) => candidate.key === requirement.skill);
    if (!skill) throw new Error(`Built-in plan: no skill "${requirement.skill}"`);
    return {
      skill: { key: skill.key, name: skill.name, description: skill.description },
      priority: member(SkillPriority, requirement.priority, 'skill priority'),
      verificationMethod: requirement.verificationMethod,
      minimumRequirement: requirement.minimumRequirement,
      evaluationCriteria: requirement.evaluationCriteria,
      verifiedInStages: requirement.verifiedInStages.filter((key) => stageKeys.has(key)),
    };
  });
  return {
    name: `${file.name} (synthetic)`,
    description: `The built-in "${file.name}" plan with the stages the synthetic history simulates.`,
    stages,
    questions,
    skillRequirements,
  };
}

/** The plan of every synthetic position. */
export const SYNTHETIC_PLAN: SyntheticPlan = syntheticPlanOf(
  readBuiltInPlan('backend-developer.plan.json'),
  STAGE_BEHAVIOUR,
);
