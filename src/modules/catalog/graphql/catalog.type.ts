import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CompanyProfile,
  ExperienceLevel,
  QuestionCategory,
  readPlanBenchmarks,
  SkillPriority,
  StageKind,
} from '../../../../libs/domain';
import type { CandidateQuestion } from '../candidate-question.entity';
import type { InterviewPlan, PlanStage, RubricCriterion, SkillRequirement } from '../interview-plan.entity';
import type { PracticalTask } from '../practical-task.entity';
import type { Question } from '../question.entity';
import type { Skill } from '../skill.entity';
import type { PlanWithStageScalars, StageScalars } from '../plan-graph';

registerEnumType(StageKind, { name: 'StageKind' });
registerEnumType(QuestionCategory, { name: 'QuestionCategory' });
registerEnumType(SkillPriority, { name: 'SkillPriority' });
registerEnumType(CompanyProfile, {
  name: 'CompanyProfile',
  description: "The kind of company a position's process is tuned for: it shifts the emphasis of stages and questions.",
});
registerEnumType(ExperienceLevel, {
  name: 'ExperienceLevel',
  description: 'Seniority of a position, and experience level of a candidate.',
});

@ObjectType('Skill')
export class SkillType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() description!: string;

  static from(skill: Skill): SkillType {
    return Object.assign(new SkillType(), { id: skill.id, name: skill.name, description: skill.description });
  }
}

@ObjectType('StarGuidance', { description: 'Prompts that draw out each part of a STAR answer.' })
export class StarGuidanceType {
  @Field() situation!: string;
  @Field() task!: string;
  @Field() action!: string;
  @Field() result!: string;
}

@ObjectType('Question')
export class QuestionType {
  @Field(() => ID) id!: string;
  @Field(() => QuestionCategory) category!: QuestionCategory;
  @Field() prompt!: string;
  @Field() whatInterviewerWants!: string;
  @Field(() => [String]) keyPoints!: string[];
  @Field(() => String, { nullable: true }) goodAnswerExample!: string | null;
  @Field(() => String, { nullable: true }) badAnswerExample!: string | null;
  @Field(() => [String]) followUps!: string[];
  @Field(() => [String]) redFlags!: string[];
  @Field(() => [SkillType]) skills!: SkillType[];
  @Field(() => StarGuidanceType, { nullable: true }) star!: StarGuidanceType | null;
  @Field() archived!: boolean;

  /** The question's skills must be loaded. */
  static from(question: Question): QuestionType {
    return Object.assign(new QuestionType(), {
      id: question.id,
      category: question.category,
      prompt: question.prompt,
      whatInterviewerWants: question.whatInterviewerWants,
      keyPoints: question.keyPoints,
      goodAnswerExample: question.goodAnswerExample,
      badAnswerExample: question.badAnswerExample,
      followUps: question.followUps,
      redFlags: question.redFlags,
      skills: question.skills.getItems().map((skill) => SkillType.from(skill)),
      star: question.star,
      archived: question.archivedAt !== null,
    });
  }
}

@ObjectType('PracticalTask')
export class PracticalTaskType {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => Float) minDurationHours!: number;
  @Field(() => Float) maxDurationHours!: number;
  @Field(() => [String]) requirements!: string[];
  @Field(() => [String]) deliverables!: string[];
  @Field(() => [String]) evaluationCriteria!: string[];
  @Field(() => [String]) commonMistakes!: string[];
  @Field(() => [String]) tips!: string[];
  @Field() archived!: boolean;
  @Field(() => [StageKind], {
    description: 'The kinds of stage the task suits; practicalTasks(stageKind:) filters on them.',
  })
  stageKinds!: StageKind[];

  static from(task: PracticalTask): PracticalTaskType {
    return Object.assign(new PracticalTaskType(), {
      id: task.id,
      title: task.title,
      description: task.description,
      minDurationHours: task.minDurationHours,
      maxDurationHours: task.maxDurationHours,
      requirements: task.requirements,
      deliverables: task.deliverables,
      evaluationCriteria: task.evaluationCriteria,
      commonMistakes: task.commonMistakes,
      tips: task.tips,
      archived: task.archivedAt !== null,
      stageKinds: task.stageKinds,
    });
  }
}

@ObjectType('RubricLevel')
export class RubricLevelType {
  @Field(() => Int) score!: number;
  @Field() label!: string;
  @Field() description!: string;
}

@ObjectType('RubricCriterion')
export class RubricCriterionType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => Float) weight!: number;
  @Field(() => [RubricLevelType]) levels!: RubricLevelType[];
  @Field(() => [String], { description: "The stage's success criteria this criterion judges." }) covers!: string[];

  static from(criterion: RubricCriterion): RubricCriterionType {
    return Object.assign(new RubricCriterionType(), {
      id: criterion.id,
      name: criterion.name,
      description: criterion.description,
      weight: criterion.weight,
      levels: criterion.levels,
      covers: criterion.covers,
    });
  }
}

@ObjectType('Rubric')
export class RubricType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Int) scaleMin!: number;
  @Field(() => Int) scaleMax!: number;
  @Field(() => [RubricCriterionType]) criteria!: RubricCriterionType[];
}

/** Which parts of a stage's kit a query selects (each costs statements to load). */
export interface StageParts {
  criteria: boolean;
  questions: boolean;
  practicalTask: boolean;
}

const ALL_STAGE_PARTS: StageParts = { criteria: true, questions: true, practicalTask: true };

@ObjectType('PlanStage', { description: 'One stage of an interview plan, in order.' })
export class PlanStageType {
  @Field(() => ID) id!: string;
  @Field(() => ID, {
    description:
      'The plan this stage belongs to: after an edit of a template, the id of its new version (open that one next).',
  })
  planId!: string;
  @Field(() => StageKind) kind!: StageKind;
  @Field() name!: string;
  @Field(() => Int) order!: number;
  @Field(() => [String]) focusAreas!: string[];
  @Field(() => [String], { description: 'Who runs it, as role titles (e.g. Technical Lead).' }) participants!: string[];
  @Field(() => [String]) successCriteria!: string[];
  @Field(() => [String]) preparationTips!: string[];
  @Field(() => Int) durationMinutes!: number;
  @Field(() => Int, { description: 'Hours after an interview ends by which each scorecard is due.' })
  feedbackDueHours!: number;
  @Field({ description: 'When true, the stage decision is applied without waiting for a person.' })
  autoAdvance!: boolean;
  @Field(() => Float, {
    nullable: true,
    description: "Weighted rubric average (on the rubric's scale) at or above which the stage recommends PASSED.",
  })
  passThreshold!: number | null;
  @Field(() => [String], { description: "What interviewers should weigh most, from the position's company profile." })
  interviewerWeighs!: string[];
  @Field(() => Int, {
    description: 'Increases with every change; send it back to update without overwriting a newer edit.',
  })
  revision!: number;
  @Field(() => RubricType, { nullable: true }) rubric!: RubricType | null;
  @Field(() => [QuestionType]) questions!: QuestionType[];
  @Field(() => PracticalTaskType, { nullable: true }) practicalTask!: PracticalTaskType | null;
  @Field(() => ExperienceLevel, {
    nullable: true,
    description:
      'The stage is required for positions of this experience level and above, and skipped (recorded as a SKIPPED visit) for positions below it; null: required at every level.',
  })
  requiredFromLevel!: ExperienceLevel | null;

  /** The stage's rubric, question links and task must be loaded (PLAN_GRAPH). */
  static from(stage: PlanStage): PlanStageType {
    return PlanStageType.withParts(stage, ALL_STAGE_PARTS);
  }

  /**
   * The stage with the parts of its kit a query asks for (see StageParts); the parts not asked for
   * are left empty, never shown. The rubric's own row must be loaded, and each asked-for part.
   */
  static withParts(stage: PlanStage, parts: StageParts): PlanStageType {
    const rubric = stage.rubric;
    return Object.assign(PlanStageType.scalarsOf(stage), {
      rubric: rubric
        ? Object.assign(new RubricType(), {
            id: rubric.id,
            name: rubric.name,
            scaleMin: rubric.scaleMin,
            scaleMax: rubric.scaleMax,
            criteria: parts.criteria
              ? rubric.criteria.getItems().map((criterion) => RubricCriterionType.from(criterion))
              : [],
          })
        : null,
      questions: parts.questions ? stage.questionLinks.getItems().map((link) => QuestionType.from(link.question)) : [],
      practicalTask: parts.practicalTask && stage.practicalTask ? PracticalTaskType.from(stage.practicalTask) : null,
    });
  }

  /**
   * The stage's own fields only, for queries that select none of its rubric, questions or task
   * (PLAN_STAGE_FIELDS): those are left empty, never shown.
   */
  static scalarsOf(stage: PlanStage | StageScalars): PlanStageType {
    return Object.assign(new PlanStageType(), {
      id: stage.id,
      planId: 'planId' in stage ? stage.planId : stage.plan.id,
      kind: stage.kind,
      name: stage.name,
      order: stage.order,
      focusAreas: stage.focusAreas,
      participants: stage.participants,
      successCriteria: stage.successCriteria,
      preparationTips: stage.preparationTips,
      durationMinutes: stage.durationMinutes,
      feedbackDueHours: stage.feedbackDueHours,
      autoAdvance: stage.autoAdvance,
      passThreshold: stage.passThreshold,
      interviewerWeighs: stage.interviewerWeighs,
      revision: stage.revision,
      requiredFromLevel: stage.requiredFromLevel,
      rubric: null,
      questions: [],
      practicalTask: null,
    });
  }
}

@ObjectType('SkillRequirement')
export class SkillRequirementType {
  @Field(() => SkillType) skill!: SkillType;
  @Field(() => SkillPriority) priority!: SkillPriority;
  @Field() verificationMethod!: string;
  @Field(() => String, { nullable: true }) minimumRequirement!: string | null;
  @Field(() => [String]) evaluationCriteria!: string[];
  @Field(() => [PlanStageType]) verifiedIn!: PlanStageType[];
}

@ObjectType('StagePassRateBenchmark', { description: 'The pass rate a team expects of one stage of its plan.' })
export class StagePassRateBenchmarkType {
  @Field(() => ID, { description: 'The stage of this plan.' }) stageId!: string;
  @Field({ description: "The stage's name." }) stageName!: string;
  @Field(() => Float, { description: 'Expected passed / (passed + failed) of the stage, 0..1.' }) passRate!: number;
}

@ObjectType('ExperienceLevelBenchmark', {
  description: 'The share of hires a team expects among decided applications of one experience level.',
})
export class ExperienceLevelBenchmarkType {
  @Field(() => ExperienceLevel, { description: 'The experience level recorded on the applications.' })
  experienceLevel!: ExperienceLevel;
  @Field(() => Float, { description: 'Expected hired / (hired + rejected), 0..1.' }) successRate!: number;
}

@ObjectType('PlanBenchmarks', {
  description:
    'Reference figures a plan came with or a team set; stageSuccessRates and pipelineSummary compare the actual figures with them.',
})
export class PlanBenchmarksType {
  @Field(() => Float, { nullable: true, description: 'Share of applications expected to end in a hire, 0..1.' })
  overallSuccessRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Expected length of the whole process, in weeks: the shortest.' })
  minWeeks!: number | null;
  @Field(() => Float, { nullable: true, description: 'Expected length of the whole process, in weeks: the longest.' })
  maxWeeks!: number | null;
  @Field(() => [StagePassRateBenchmarkType], {
    description: 'Expected pass rates of stages, in plan order; empty until a team sets them.',
  })
  stagePassRates!: StagePassRateBenchmarkType[];
  @Field(() => [ExperienceLevelBenchmarkType], {
    description: 'Expected success rates by experience level; empty until a team sets them.',
  })
  experienceLevelSuccessRates!: ExperienceLevelBenchmarkType[];
  @Field(() => String, { nullable: true, description: 'Where the figures come from and how far to trust them.' })
  note!: string | null;

  /** Null when the plan has no figure; stage rates of stages no longer in the plan are left out. */
  static of(
    plan: Pick<InterviewPlan, 'benchmarks'>,
    planStages: ReadonlyArray<Pick<PlanStage, 'id' | 'key' | 'name' | 'order'>>,
  ): PlanBenchmarksType | null {
    const benchmarks = readPlanBenchmarks(plan.benchmarks);
    if (!benchmarks) return null;
    const stages = [...planStages].sort((a, b) => a.order - b.order);
    return Object.assign(new PlanBenchmarksType(), {
      ...benchmarks,
      stagePassRates: stages.flatMap((stage) => {
        const entry = benchmarks.stagePassRates.find((candidate) => candidate.stageKey === stage.key);
        return entry ? [{ stageId: stage.id, stageName: stage.name, passRate: entry.passRate }] : [];
      }),
    });
  }
}

@ObjectType('InterviewPlan')
export class InterviewPlanType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => Int) version!: number;
  @Field({ description: "True for a template; false for a position's own copy." }) isTemplate!: boolean;
  @Field(() => [PlanStageType]) stages!: PlanStageType[];
  @Field(() => [SkillRequirementType]) skillRequirements!: SkillRequirementType[];
  @Field(() => PlanBenchmarksType, {
    nullable: true,
    description: "Reference figures the plan's actual results are compared with; null when none are set.",
  })
  benchmarks!: PlanBenchmarksType | null;

  /** A plan with its stages' own fields only (loadPlanStages), for queries that select nothing deeper. */
  static stagesOnly(plan: PlanWithStageScalars): InterviewPlanType {
    return Object.assign(new InterviewPlanType(), {
      id: plan.id,
      name: plan.name,
      description: plan.description,
      version: plan.version,
      isTemplate: plan.isTemplate,
      stages: plan.stages.map((stage) => PlanStageType.scalarsOf(stage)).sort((a, b) => a.order - b.order),
      skillRequirements: [],
      benchmarks: PlanBenchmarksType.of(plan, plan.stages),
    });
  }

  /** The plan must be loaded with PLAN_GRAPH. */
  static from(plan: InterviewPlan): InterviewPlanType {
    const stages = new Map(plan.stages.getItems().map((stage) => [stage.id, PlanStageType.from(stage)]));
    return Object.assign(new InterviewPlanType(), {
      id: plan.id,
      name: plan.name,
      description: plan.description,
      version: plan.version,
      isTemplate: plan.isTemplate,
      stages: [...stages.values()].sort((a, b) => a.order - b.order),
      benchmarks: PlanBenchmarksType.of(plan, plan.stages.getItems()),
      skillRequirements: plan.skillRequirements.getItems().map((requirement: SkillRequirement) =>
        Object.assign(new SkillRequirementType(), {
          skill: SkillType.from(requirement.skill),
          priority: requirement.priority,
          verificationMethod: requirement.verificationMethod,
          minimumRequirement: requirement.minimumRequirement,
          evaluationCriteria: requirement.evaluationCriteria,
          verifiedIn: requirement.verifiedIn
            .getItems()
            .map((stage) => stages.get(stage.id)!)
            .sort((a, b) => a.order - b.order),
        }),
      ),
    });
  }
}

@ObjectType('CandidateQuestion', { description: 'A question candidates often ask, with guidance for the answer.' })
export class CandidateQuestionType {
  @Field(() => ID) id!: string;
  @Field() prompt!: string;
  @Field(() => [StageKind]) stageKinds!: StageKind[];
  @Field() answerGuidance!: string;

  static from(question: CandidateQuestion): CandidateQuestionType {
    return Object.assign(new CandidateQuestionType(), {
      id: question.id,
      prompt: question.prompt,
      stageKinds: question.stageKinds,
      answerGuidance: question.answerGuidance,
    });
  }
}

@ObjectType('PlanStagePayload')
export class PlanStagePayload {
  @Field(() => PlanStageType) stage!: PlanStageType;
}

@ObjectType('InterviewPlanPayload')
export class InterviewPlanPayload {
  @Field(() => InterviewPlanType) plan!: InterviewPlanType;
}

@ObjectType('QuestionPayload')
export class QuestionPayload {
  @Field(() => QuestionType) question!: QuestionType;
}
