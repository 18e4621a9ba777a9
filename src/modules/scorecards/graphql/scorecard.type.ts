import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { displayScore, Recommendation, ScorecardStatus, SkillVerdict } from '../../../../libs/domain';
import { QuestionType, RubricCriterionType, SkillType } from '../../catalog';
import { UserType } from '../../identity';
import type { ScorecardAmendment, Scorecard } from '../scorecard.entity';

registerEnumType(ScorecardStatus, { name: 'ScorecardStatus' });
registerEnumType(Recommendation, { name: 'Recommendation' });

@ObjectType('CriterionRating')
export class CriterionRatingType {
  @Field(() => RubricCriterionType) criterion!: RubricCriterionType;
  @Field(() => Int) score!: number;
  @Field(() => String, { nullable: true }) evidence!: string | null;
}

@ObjectType('QuestionRating', {
  description: "A question of the stage's list, as asked, scored on the rubric's scale.",
})
export class QuestionRatingType {
  @Field(() => QuestionType) question!: QuestionType;
  @Field(() => Int) score!: number;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('SkillVerdictEntry')
export class SkillVerdictEntryType {
  @Field(() => SkillType) skill!: SkillType;
  @Field(() => SkillVerdict) verdict!: SkillVerdict;
  @Field(() => String, { nullable: true }) evidence!: string | null;
}

@ObjectType('ScorecardAmendment')
export class ScorecardAmendmentType {
  @Field(() => UserType) author!: UserType;
  @Field() reason!: string;
  @Field() createdAt!: Date;

  static from(amendment: ScorecardAmendment): ScorecardAmendmentType {
    return Object.assign(new ScorecardAmendmentType(), {
      author: UserType.from(amendment.author),
      reason: amendment.reason,
      createdAt: amendment.createdAt,
    });
  }
}

@ObjectType('Scorecard')
export class ScorecardType {
  @Field(() => ID) id!: string;
  @Field(() => UserType) interviewer!: UserType;
  @Field(() => ScorecardStatus) status!: ScorecardStatus;
  @Field(() => [String]) redFlags!: string[];
  @Field(() => Recommendation, { nullable: true }) recommendation!: Recommendation | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field() dueAt!: Date;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Weighted rubric score, fixed when submitted; shown to 2 decimals.',
  })
  weightedScore!: number | null;
  entity!: Scorecard;

  /** The interviewer must be loaded. */
  static from(scorecard: Scorecard): ScorecardType {
    return Object.assign(new ScorecardType(), {
      id: scorecard.id,
      interviewer: UserType.from(scorecard.interviewer),
      status: scorecard.status,
      redFlags: scorecard.redFlags,
      recommendation: scorecard.recommendation,
      notes: scorecard.notes,
      dueAt: scorecard.dueAt,
      submittedAt: scorecard.submittedAt,
      weightedScore: displayScore(scorecard.weightedScore),
      entity: scorecard,
    });
  }
}

@ObjectType('ScorecardPayload')
export class ScorecardPayload {
  @Field(() => ScorecardType) scorecard!: ScorecardType;
}

@InputType()
export class CriterionRatingInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a criterion id' }) criterionId!: string;
  @Field(() => Int) @IsInt({ message: 'must be a whole number' }) score!: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) evidence?: string;
}

@InputType()
export class QuestionRatingInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a question id' }) questionId!: string;
  @Field(() => Int) @IsInt({ message: 'must be a whole number' }) score!: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) note?: string;
}

@InputType()
export class SkillVerdictInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a skill id' }) skillId!: string;
  @Field(() => SkillVerdict) @IsEnum(SkillVerdict) verdict!: SkillVerdict;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) evidence?: string;
}

@InputType({ isAbstract: true })
abstract class ScorecardContentInput {
  @Field(() => [QuestionRatingInput], {
    nullable: true,
    description: "Scores for the stage's questions you asked, on the rubric's scale; any subset of them.",
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => QuestionRatingInput)
  questionRatings?: QuestionRatingInput[];
  @Field(() => [SkillVerdictInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SkillVerdictInput)
  skillVerdicts?: SkillVerdictInput[];
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @IsString({ each: true }) redFlags?: string[];
  @Field(() => Recommendation, { nullable: true })
  @IsOptional()
  @IsEnum(Recommendation)
  recommendation?: Recommendation;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20000) notes?: string;
}

@InputType()
export class SaveScorecardInput extends ScorecardContentInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an interview id' }) interviewId!: string;
  @Field(() => [CriterionRatingInput])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CriterionRatingInput)
  ratings!: CriterionRatingInput[];
}

@InputType()
export class SubmitScorecardInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a scorecard id' }) scorecardId!: string;
}

@InputType()
export class AmendScorecardInput extends ScorecardContentInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a scorecard id' }) scorecardId!: string;
  @Field() @IsString() @MinLength(1, { message: 'must say why' }) @MaxLength(2000) reason!: string;
  @Field(() => [CriterionRatingInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CriterionRatingInput)
  ratings?: CriterionRatingInput[];
}
