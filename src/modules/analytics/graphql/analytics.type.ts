import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsDate, IsEnum, IsOptional, IsUUID } from 'class-validator';
import {
  CompanyProfile,
  DurationVersusBenchmark,
  ExperienceLevel,
  RejectionReason,
  StageKind,
} from '../../../../libs/domain';
import { QuestionType } from '../../catalog';
import { UserType } from '../../identity';
import { StageBreakdown } from '../stage-insights.service';

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
  @Field(() => Float, {
    nullable: true,
    description: "The pass rate the position's plan expects of this stage (PlanBenchmarks); null when none is set.",
  })
  benchmarkPassRate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'The pass rate minus the benchmark pass rate, as a fraction (negative: below the benchmark); null when either is null.',
  })
  passRateVsBenchmark!: number | null;
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
  @Field(() => Float, {
    nullable: true,
    description:
      'The success rate the plans of the selected positions expect of this level, when they all expect the same; null otherwise.',
  })
  benchmarkSuccessRate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'The success rate minus the benchmark success rate, as a fraction (negative: below it); null when either is null.',
  })
  successRateVsBenchmark!: number | null;
}

@ObjectType('PipelineSummary')
export class PipelineSummaryType {
  @Field(() => Int) applications!: number;
  @Field(() => Int, { description: 'ACTIVE or ON_HOLD.' }) active!: number;
  @Field(() => Int) hired!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => Int) withdrawn!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Share hired: hired / (hired + rejected), from 0 to 1; null when neither happened.',
  })
  overallSuccessRate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Days from appliedAt to decidedAt over hired and rejected applications.',
  })
  averageDurationDays!: number | null;
  @Field(() => Float, { nullable: true }) medianDurationDays!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'The overall success rate the plans of the selected positions expect (PlanBenchmarks), when they all expect the same; null otherwise.',
  })
  benchmarkSuccessRate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'The overall success rate minus the benchmark success rate, as a fraction (negative: below it); null when either is null.',
  })
  successRateVsBenchmark!: number | null;
  @Field(() => Float, { nullable: true, description: "The benchmark's shortest process, in days (minWeeks x 7)." })
  benchmarkMinDays!: number | null;
  @Field(() => Float, { nullable: true, description: "The benchmark's longest process, in days (maxWeeks x 7)." })
  benchmarkMaxDays!: number | null;
  @Field(() => DurationVersusBenchmark, {
    nullable: true,
    description: 'Where averageDurationDays falls against the benchmark range; null when either is unknown.',
  })
  durationVsBenchmark!: DurationVersusBenchmark | null;
}

registerEnumType(DurationVersusBenchmark, {
  name: 'DurationVersusBenchmark',
  description: "Days in process against the plan's expected range of weeks.",
  valuesMap: {
    SHORTER: { description: 'Shorter than the shortest expected process.' },
    WITHIN: { description: 'Within the expected range, ends included.' },
    LONGER: { description: 'Longer than the longest expected process.' },
  },
});

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

registerEnumType(StageBreakdown, {
  name: 'StageBreakdown',
  description: 'What stage figures across positions are broken down by.',
  valuesMap: {
    APPLIED_WEEK: { description: 'The week (Monday, UTC) the application was made: weekly cohorts.' },
    COMPANY_PROFILE: { description: "The position's company profile." },
    SOURCE: { description: "The candidate's source; empty when unknown." },
    EXPERIENCE_LEVEL: { description: "The application's experience level." },
  },
});

@ObjectType('StageGroupRate', {
  description:
    'Visits of one stage kind (across positions) in one group. passRate = passed / (passed + failed), Wilson 95% interval.',
})
export class StageGroupRateType {
  @Field(() => StageKind) stageKind!: StageKind;
  @Field({ description: 'The group: an ISO date for APPLIED_WEEK, otherwise the value.' }) group!: string;
  @Field(() => Int) entered!: number;
  @Field(() => Int) passed!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) withdrawn!: number;
  @Field(() => Int) inProgress!: number;
  @Field(() => Float, { nullable: true }) passRate!: number | null;
  @Field(() => Float, { nullable: true }) passRateLow!: number | null;
  @Field(() => Float, { nullable: true }) passRateHigh!: number | null;
}

@ObjectType('StageTiming', { description: 'How long one stage kind takes, across the positions of the filter.' })
export class StageTimingType {
  @Field(() => StageKind) stageKind!: StageKind;
  @Field(() => Int, { description: 'Visits opened.' }) entered!: number;
  @Field(() => Float, { nullable: true, description: 'Mean hours from entering to leaving, over closed visits.' })
  averageHoursInStage!: number | null;
  @Field(() => Int, { description: 'Visits with at least one interview that was not cancelled.' })
  withInterview!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Mean hours from entering the stage to the start of its first interview that was not cancelled.',
  })
  averageHoursToFirstInterview!: number | null;
  @Field(() => Int, { description: 'Submitted scorecards of this stage kind.' }) scorecards!: number;
  @Field(() => Float, { nullable: true, description: "Mean hours from the interview's end to the submission." })
  averageTurnaroundHours!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of scorecards submitted by their due time.' })
  onTimeShare!: number | null;
}

@ObjectType('RejectionReasonCount', { description: 'Visits of one stage kind closed FAILED for one reason.' })
export class RejectionReasonCountType {
  @Field(() => StageKind) stageKind!: StageKind;
  @Field(() => RejectionReason) reasonCode!: RejectionReason;
  @Field(() => Int) rejections!: number;
  @Field(() => Float, { description: "Share of the stage kind's failed visits." }) share!: number;
}

@ObjectType('QuestionEffectiveness', {
  description:
    'How the scores of one question differ between candidates who then passed the stage and those who failed it.',
})
export class QuestionEffectivenessType {
  @Field(() => QuestionType) question!: QuestionType;
  @Field(() => Int, { description: 'Ratings in submitted scorecards, whatever the outcome.' }) ratings!: number;
  @Field(() => Int) passedRatings!: number;
  @Field(() => Int) failedRatings!: number;
  @Field(() => Float, { nullable: true }) meanScorePassed!: number | null;
  @Field(() => Float, { nullable: true }) meanScoreFailed!: number | null;
  @Field(() => Float, { nullable: true, description: 'Difference of the means: meanScorePassed - meanScoreFailed.' })
  separation!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      "Effect size (Cohen's d): separation over the pooled standard deviation; null with fewer than 2 ratings on a side or no spread.",
  })
  effectSize!: number | null;
}

export enum AnalyticsTable {
  STAGE_SUCCESS_RATES = 'STAGE_SUCCESS_RATES',
  SUCCESS_RATES_BY_EXPERIENCE_LEVEL = 'SUCCESS_RATES_BY_EXPERIENCE_LEVEL',
  PIPELINE_SUMMARY = 'PIPELINE_SUMMARY',
  INTERVIEWER_CALIBRATION = 'INTERVIEWER_CALIBRATION',
  STAGE_RATES_BY_APPLIED_WEEK = 'STAGE_RATES_BY_APPLIED_WEEK',
  STAGE_RATES_BY_COMPANY_PROFILE = 'STAGE_RATES_BY_COMPANY_PROFILE',
  STAGE_RATES_BY_SOURCE = 'STAGE_RATES_BY_SOURCE',
  STAGE_RATES_BY_EXPERIENCE_LEVEL = 'STAGE_RATES_BY_EXPERIENCE_LEVEL',
  STAGE_TIMINGS = 'STAGE_TIMINGS',
  REJECTION_REASONS = 'REJECTION_REASONS',
  QUESTION_EFFECTIVENESS = 'QUESTION_EFFECTIVENESS',
}
registerEnumType(AnalyticsTable, { name: 'AnalyticsTable' });
