import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ExperienceLevel, QuestionCategory, SkillPriority, StageKind } from '../../../../libs/domain';

@InputType({
  description: "Edits one stage of a position's own plan (or of a template): only the fields given change.",
})
export class UpdatePlanStageInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an id' }) stageId!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) durationMinutes?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) feedbackDueHours?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() autoAdvance?: boolean;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() passThreshold?: number;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @IsString({ each: true }) focusAreas?: string[];
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  successCriteria?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'Who runs the stage, as role titles (the whole list); left out, unchanged.',
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  participants?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'Advice for interviewers before the interview (the whole list); left out, unchanged.',
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  preparationTips?: string[];
  @Field(() => [ID], { nullable: true, description: 'The questions asked in this stage, in order.' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  questionIds?: string[];
  // null takes the task away (the description lives in schema-descriptions.ts).
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  practicalTaskId?: string | null;
  @Field(() => ExperienceLevel, {
    nullable: true,
    description:
      'Required from this experience level up, skipped for positions below it; null makes it required at every level; left out, unchanged.',
  })
  @IsOptional()
  @IsEnum(ExperienceLevel)
  requiredFromLevel?: ExperienceLevel | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The revision the edit is based on; CONFLICT when the stage changed since.',
  })
  @IsOptional()
  @IsInt()
  expectedRevision?: number;
}

@InputType()
export class RubricLevelInput {
  @Field(() => Int) @IsInt() score!: number;
  @Field() @IsString() @MinLength(1) label!: string;
  @Field() @IsString() @MinLength(1) description!: string;
}

@InputType()
export class RubricCriterionInput {
  @Field() @IsString() @MinLength(1) name!: string;
  @Field() @IsString() description!: string;
  @Field(() => Float) @IsNumber() weight!: number;
  @Field(() => [RubricLevelInput])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RubricLevelInput)
  levels!: RubricLevelInput[];
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @IsString({ each: true }) covers?: string[];
}

@InputType()
export class RubricInput {
  @Field() @IsString() @MinLength(1) name!: string;
  @Field(() => Int, { defaultValue: 1 }) @IsInt() scaleMin: number = 1;
  @Field(() => Int, { defaultValue: 4 }) @IsInt() scaleMax: number = 4;
  @Field(() => [RubricCriterionInput])
  @IsArray()
  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionInput)
  criteria!: RubricCriterionInput[];
}

@InputType()
export class SetStageRubricInput {
  @Field(() => ID) @IsUUID() stageId!: string;
  @Field(() => RubricInput) @ValidateNested() @Type(() => RubricInput) rubric!: RubricInput;
}

@InputType()
export class AddPlanStageInput {
  @Field(() => ID) @IsUUID() planId!: string;
  @Field(() => StageKind) @IsEnum(StageKind) kind!: StageKind;
  @Field() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @Field(() => Int, { nullable: true, description: 'Position in the plan (1 = first); last when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  order?: number;
  @Field(() => [String], { defaultValue: [] }) @IsArray() @IsString({ each: true }) focusAreas: string[] = [];
  @Field(() => [String], { defaultValue: [] }) @IsArray() @IsString({ each: true }) participants: string[] = [];
  @Field(() => [String], { defaultValue: [] }) @IsArray() @IsString({ each: true }) successCriteria: string[] = [];
  @Field(() => Int, { defaultValue: 60 }) @IsInt() @Min(1) durationMinutes: number = 60;
  @Field(() => Int, { defaultValue: 24 }) @IsInt() @Min(1) feedbackDueHours: number = 24;
  @Field({ defaultValue: false }) @IsBoolean() autoAdvance: boolean = false;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() passThreshold?: number;
  @Field(() => RubricInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RubricInput)
  rubric?: RubricInput;
}

@InputType()
export class RemovePlanStageInput {
  @Field(() => ID) @IsUUID() stageId!: string;
}

@InputType()
export class ReorderPlanStagesInput {
  @Field(() => ID) @IsUUID() planId!: string;
  @Field(() => [ID], { description: 'Every stage of the plan, in the new order.' })
  @IsArray()
  @IsUUID('all', { each: true })
  stageIds!: string[];
}

@InputType()
export class SetSkillRequirementInput {
  @Field(() => ID) @IsUUID() planId!: string;
  @Field(() => ID) @IsUUID() skillId!: string;
  @Field(() => SkillPriority) @IsEnum(SkillPriority) priority!: SkillPriority;
  @Field() @IsString() @MinLength(1) verificationMethod!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() minimumRequirement?: string;
  @Field(() => [String], { defaultValue: [] }) @IsArray() @IsString({ each: true }) evaluationCriteria: string[] = [];
  @Field(() => [ID]) @IsArray() @IsUUID('all', { each: true }) verifiedInStageIds!: string[];
}

@InputType()
export class RemoveSkillRequirementInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an id' }) planId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'must be an id' }) skillId!: string;
}

@InputType()
export class CreateSkillInput {
  @Field() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @Field({ defaultValue: '' }) @IsString() description: string = '';
}

@InputType()
export class StarGuidanceInput {
  @Field() @IsString() situation!: string;
  @Field() @IsString() task!: string;
  @Field() @IsString() action!: string;
  @Field() @IsString() result!: string;
}

@InputType()
export class QuestionInput {
  @Field(() => QuestionCategory) @IsEnum(QuestionCategory) category!: QuestionCategory;
  @Field() @IsString() @MinLength(1) prompt!: string;
  @Field() @IsString() @MinLength(1) whatInterviewerWants!: string;
  @Field(() => [String]) @IsArray() @IsString({ each: true }) keyPoints!: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() goodAnswerExample?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() badAnswerExample?: string;
  @Field(() => [String], { defaultValue: [] }) @IsArray() @IsString({ each: true }) followUps: string[] = [];
  @Field(() => [String], { defaultValue: [] }) @IsArray() @IsString({ each: true }) redFlags: string[] = [];
  @Field(() => [ID], { defaultValue: [] }) @IsArray() @IsUUID('all', { each: true }) skillIds: string[] = [];
  @Field(() => StarGuidanceInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => StarGuidanceInput)
  star?: StarGuidanceInput;
}

@InputType()
export class UpdateQuestionInput {
  @Field(() => ID) @IsUUID() questionId!: string;
  @Field(() => QuestionInput) @ValidateNested() @Type(() => QuestionInput) question!: QuestionInput;
}

@InputType()
export class ArchiveInput {
  @Field(() => ID) @IsUUID() id!: string;
}

@InputType()
export class CreatePlanTemplateInput {
  @Field() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @Field({ defaultValue: '' }) @IsString() description: string = '';
  @Field(() => ID, {
    nullable: true,
    description: 'Start from a copy of this template (its stages, rubrics and skills).',
  })
  @IsOptional()
  @IsUUID()
  copyFromTemplateId?: string;
}

@InputType()
export class UpdatePlanTemplateInput {
  @Field(() => ID) @IsUUID() planId!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() description?: string;
}

@InputType()
export class PracticalTaskInput {
  @Field() @IsString() @MinLength(1) title!: string;
  @Field() @IsString() @MinLength(1) description!: string;
  @Field(() => Float) @IsNumber() @Min(0.25) minDurationHours!: number;
  @Field(() => Float) @IsNumber() @Min(0.25) maxDurationHours!: number;
  @Field(() => [String]) @IsArray() @IsString({ each: true }) requirements!: string[];
  @Field(() => [String]) @IsArray() @IsString({ each: true }) deliverables!: string[];
  @Field(() => [String]) @IsArray() @IsString({ each: true }) evaluationCriteria!: string[];
  @Field(() => [String], { defaultValue: [] }) @IsArray() @IsString({ each: true }) commonMistakes: string[] = [];
  @Field(() => [String], { defaultValue: [] }) @IsArray() @IsString({ each: true }) tips: string[] = [];
  @Field(() => [StageKind], { defaultValue: [], description: 'The kinds of stage the task suits.' })
  @IsArray()
  @IsEnum(StageKind, { each: true })
  stageKinds: StageKind[] = [];
  @Field(() => [ID], { defaultValue: [], description: 'The skills the task exercises (skills of the catalog).' })
  @IsArray()
  @IsUUID('all', { each: true })
  skillIds: string[] = [];
}

@InputType()
export class UpdatePracticalTaskInput {
  @Field(() => ID) @IsUUID() taskId!: string;
  @Field(() => PracticalTaskInput) @ValidateNested() @Type(() => PracticalTaskInput) task!: PracticalTaskInput;
}

@InputType()
export class UpdateSkillInput {
  @Field(() => ID) @IsUUID() skillId!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() description?: string;
}

@InputType({ description: 'The pass rate a team expects of one stage.' })
export class StagePassRateBenchmarkInput {
  @Field(() => ID, { description: 'A stage of the plan being edited.' }) @IsUUID() stageId!: string;
  @Field(() => Float, { description: 'Expected passed / (passed + failed), 0..1.' }) @IsNumber() passRate!: number;
}

@InputType({ description: 'The success rate a team expects of one experience level.' })
export class ExperienceLevelBenchmarkInput {
  @Field(() => ExperienceLevel, { description: 'The experience level.' })
  @IsEnum(ExperienceLevel)
  experienceLevel!: ExperienceLevel;
  @Field(() => Float, { description: 'Expected hired / (hired + rejected), 0..1.' })
  @IsNumber()
  successRate!: number;
}

@InputType({
  description:
    "Sets a plan's reference figures: only the fields given change; null clears a figure; a list given replaces the list.",
})
export class SetPlanBenchmarksInput {
  @Field(() => ID, { description: "A template (its next version is created) or a position's plan." })
  @IsUUID()
  planId!: string;
  @Field(() => Float, { nullable: true, description: 'Expected share of applications ending in a hire, 0..1.' })
  @IsOptional()
  @IsNumber()
  overallSuccessRate?: number | null;
  @Field(() => Float, { nullable: true, description: 'Expected shortest length of the process, in weeks.' })
  @IsOptional()
  @IsNumber()
  minWeeks?: number | null;
  @Field(() => Float, { nullable: true, description: 'Expected longest length of the process, in weeks.' })
  @IsOptional()
  @IsNumber()
  maxWeeks?: number | null;
  @Field(() => [StagePassRateBenchmarkInput], { nullable: true, description: 'Expected pass rates by stage.' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => StagePassRateBenchmarkInput)
  stagePassRates?: StagePassRateBenchmarkInput[];
  @Field(() => [ExperienceLevelBenchmarkInput], {
    nullable: true,
    description: 'Expected success rates by experience level.',
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ExperienceLevelBenchmarkInput)
  experienceLevelSuccessRates?: ExperienceLevelBenchmarkInput[];
  @Field(() => String, { nullable: true, description: 'Where the figures come from.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
