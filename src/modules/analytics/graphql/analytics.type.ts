import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsDate, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { CompanyProfile, ExperienceLevel, StageKind } from '../../../../libs/domain';
import { UserType } from '../../identity/graphql/user.type';

@InputType()
export class AnalyticsFilter {
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @IsUUID('all', { each: true }) positionIds?: string[];
  @Field({ nullable: true, description: 'Applications whose appliedAt is in [from, to).' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;
  @Field({ nullable: true }) @IsOptional() @Type(() => Date) @IsDate() to?: Date;
  @Field(() => [ExperienceLevel], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(ExperienceLevel, { each: true })
  experienceLevels?: ExperienceLevel[];
  @Field(() => [CompanyProfile], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(CompanyProfile, { each: true })
  companyProfiles?: CompanyProfile[];
}

@ObjectType('StageRate', {
  description:
    'Pass-through figures of one stage. passRate = passed / (passed + failed); null when nothing was decided.',
})
export class StageRateType {
  @Field(() => StageKind) stageKind!: StageKind;
  @Field() stageName!: string;
  @Field(() => Int) order!: number;
  @Field(() => Int) entered!: number;
  @Field(() => Int) passed!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) withdrawn!: number;
  @Field(() => Int) inProgress!: number;
  @Field(() => Float, { nullable: true }) passRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Wilson score interval, 95%.' }) passRateLow!: number | null;
  @Field(() => Float, { nullable: true }) passRateHigh!: number | null;
  @Field(() => Float, { nullable: true }) medianHoursInStage!: number | null;
}

@ObjectType('ExperienceLevelRate', {
  description: 'Final outcomes of one experience level. successRate = hired / (hired + rejected).',
})
export class ExperienceLevelRateType {
  @Field(() => ExperienceLevel) experienceLevel!: ExperienceLevel;
  @Field(() => Int) applications!: number;
  @Field(() => Int) hired!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => Int) withdrawn!: number;
  @Field(() => Int, { description: 'ACTIVE or ON_HOLD.' }) active!: number;
  @Field(() => Float, { nullable: true }) successRate!: number | null;
}

@ObjectType('PipelineSummary')
export class PipelineSummaryType {
  @Field(() => Int) applications!: number;
  @Field(() => Int, { description: 'ACTIVE or ON_HOLD.' }) active!: number;
  @Field(() => Int) hired!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => Int) withdrawn!: number;
  @Field(() => Float, { nullable: true, description: 'hired / (hired + rejected); null when neither happened.' })
  overallSuccessRate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Days from appliedAt to decidedAt over hired and rejected applications.',
  })
  averageDurationDays!: number | null;
  @Field(() => Float, { nullable: true }) medianDurationDays!: number | null;
}

@ObjectType('InterviewerCalibration')
export class InterviewerCalibrationType {
  @Field(() => UserType) interviewer!: UserType;
  @Field(() => Int) scorecards!: number;
  @Field(() => Float, { description: "Mean of this interviewer's weighted rubric scores." }) meanScore!: number;
  @Field(() => Float, {
    nullable: true,
    description: "Mean of (own weighted score - mean of the other panelists' weighted scores on the same interviews).",
  })
  meanDeviationFromPanel!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "Share of scorecards whose YES/NO side matched the stage's final outcome.",
  })
  agreementWithOutcome!: number | null;
  @Field({ description: 'At least 10 scorecards and a mean deviation from the panel of 0.5 or more (either way).' })
  flagged!: boolean;
}

export enum AnalyticsTable {
  STAGE_SUCCESS_RATES = 'STAGE_SUCCESS_RATES',
  SUCCESS_RATES_BY_EXPERIENCE_LEVEL = 'SUCCESS_RATES_BY_EXPERIENCE_LEVEL',
  PIPELINE_SUMMARY = 'PIPELINE_SUMMARY',
  INTERVIEWER_CALIBRATION = 'INTERVIEWER_CALIBRATION',
}
registerEnumType(AnalyticsTable, { name: 'AnalyticsTable' });
