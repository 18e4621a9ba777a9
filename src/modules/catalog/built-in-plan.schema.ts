import { z } from 'zod';
import { CompanyProfile, ExperienceLevel, QuestionCategory, SkillPriority, StageKind } from '../../../libs/domain';

const text = z.string().trim().min(1);
const texts = z.array(text);
const key = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case key');

/** The shape of a built-in plan file under catalog/data; checked before anything is written. */
export const builtInPlanSchema = z.object({
  key,
  name: text,
  description: text,
  skills: z.array(z.object({ key, name: text, description: text })).min(1),
  stages: z
    .array(
      z.object({
        key,
        kind: z.enum(StageKind),
        name: text,
        order: z.number().int().positive(),
        focusAreas: texts.min(1),
        participants: texts.min(1),
        successCriteria: texts.min(1),
        preparationTips: texts,
        durationMinutes: z.number().int().positive(),
        feedbackDueHours: z.number().int().positive(),
        autoAdvance: z.boolean(),
        passThreshold: z.number().nullable(),
        rubric: z.object({
          name: text,
          scaleMin: z.number().int(),
          scaleMax: z.number().int(),
          criteria: z
            .array(
              z.object({
                key,
                name: text,
                description: text,
                weight: z.number(),
                covers: texts,
                levels: z.array(z.object({ score: z.number().int(), label: text, description: text })),
              }),
            )
            .min(1),
        }),
        questionKeys: z.array(key),
        practicalTaskKey: key.nullable(),
        verifiesSkills: z.array(key),
        requiredFromLevel: z.enum(ExperienceLevel).nullable().default(null),
      }),
    )
    .min(1),
  questions: z.array(
    z.object({
      key,
      category: z.enum(QuestionCategory),
      prompt: text,
      whatInterviewerWants: text,
      keyPoints: texts.min(1),
      goodAnswerExample: text.nullable(),
      badAnswerExample: text.nullable(),
      followUps: texts,
      redFlags: texts,
      skills: z.array(key),
      star: z.object({ situation: text, task: text, action: text, result: text }).nullable(),
    }),
  ),
  candidateQuestions: z.array(
    z.object({ key, prompt: text, stageKinds: z.array(z.enum(StageKind)).min(1), answerGuidance: text }),
  ),
  practicalTasks: z.array(
    z.object({
      key,
      title: text,
      description: text,
      minDurationHours: z.number().positive(),
      maxDurationHours: z.number().positive(),
      requirements: texts.min(1),
      deliverables: texts.min(1),
      evaluationCriteria: texts.min(1),
      commonMistakes: texts,
      tips: texts,
      stageKinds: z.array(z.enum(StageKind)).default([]),
      skills: z.array(key).default([]),
    }),
  ),
  skillRequirements: z.array(
    z.object({
      skill: key,
      priority: z.enum(SkillPriority),
      verificationMethod: text,
      minimumRequirement: text.nullable(),
      evaluationCriteria: texts.min(1),
      verifiedInStages: z.array(key),
    }),
  ),
  companyProfiles: z.array(
    z.object({
      profile: z.enum(CompanyProfile),
      summary: text,
      stageEmphasis: z.array(
        z.object({
          stageKey: key,
          extraFocusAreas: texts,
          interviewerWeighs: texts,
          criterionWeightMultipliers: z.record(key, z.number().positive()),
        }),
      ),
    }),
  ),
  benchmarks: z.record(z.string(), z.unknown()).optional(),
});

export type BuiltInPlan = z.infer<typeof builtInPlanSchema>;

/** Cross-references a schema cannot express: every key must name something that exists. */
export function builtInPlanReferenceProblems(plan: BuiltInPlan): string[] {
  const problems: string[] = [];
  const skills = new Set(plan.skills.map((skill) => skill.key));
  const questions = new Set(plan.questions.map((question) => question.key));
  const tasks = new Set(plan.practicalTasks.map((task) => task.key));
  const stages = new Map(plan.stages.map((stage) => [stage.key, stage]));
  const unique = (what: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const value of keys) {
      if (seen.has(value)) problems.push(`${what} key "${value}" is used twice`);
      seen.add(value);
    }
  };
  unique(
    'skill',
    plan.skills.map((skill) => skill.key),
  );
  unique(
    'question',
    plan.questions.map((question) => question.key),
  );
  unique(
    'task',
    plan.practicalTasks.map((task) => task.key),
  );
  unique(
    'stage',
    plan.stages.map((stage) => stage.key),
  );
  for (const stage of plan.stages) {
    for (const ref of stage.questionKeys)
      if (!questions.has(ref)) problems.push(`stage ${stage.key}: unknown question ${ref}`);
    for (const ref of stage.verifiesSkills)
      if (!skills.has(ref)) problems.push(`stage ${stage.key}: unknown skill ${ref}`);
    if (stage.practicalTaskKey && !tasks.has(stage.practicalTaskKey)) {
      problems.push(`stage ${stage.key}: unknown practical task ${stage.practicalTaskKey}`);
    }
    for (const criterion of stage.rubric.criteria) {
      for (const covered of criterion.covers) {
        if (!stage.successCriteria.includes(covered)) {
          problems.push(
            `stage ${stage.key}: criterion ${criterion.key} covers "${covered}", which is not a success criterion`,
          );
        }
      }
    }
  }
  for (const task of plan.practicalTasks) {
    for (const ref of task.skills) if (!skills.has(ref)) problems.push(`task ${task.key}: unknown skill ${ref}`);
  }
  for (const question of plan.questions) {
    for (const ref of question.skills)
      if (!skills.has(ref)) problems.push(`question ${question.key}: unknown skill ${ref}`);
  }
  for (const requirement of plan.skillRequirements) {
    if (!skills.has(requirement.skill)) problems.push(`skill requirement: unknown skill ${requirement.skill}`);
    for (const ref of requirement.verifiedInStages) {
      if (!stages.has(ref)) problems.push(`skill requirement ${requirement.skill}: unknown stage ${ref}`);
    }
  }
  for (const profile of plan.companyProfiles) {
    for (const emphasis of profile.stageEmphasis) {
      const stage = stages.get(emphasis.stageKey);
      if (!stage) {
        problems.push(`profile ${profile.profile}: unknown stage ${emphasis.stageKey}`);
        continue;
      }
      for (const criterion of Object.keys(emphasis.criterionWeightMultipliers)) {
        if (!stage.rubric.criteria.some((candidate) => candidate.key === criterion)) {
          problems.push(`profile ${profile.profile}: stage ${stage.key} has no criterion ${criterion}`);
        }
      }
    }
  }
  return problems;
}
