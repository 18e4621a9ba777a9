import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  IsEmail,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  IsArray,
  IsInt,
} from 'class-validator';
import {
  ApplicationStatus,
  ExperienceLevel,
  RejectionReason,
  SkillPriority,
  SkillVerdict,
  StageOutcome,
} from '../../../../libs/domain';
import { PageInfo } from '../../../common/pagination';
import { PlanStageType, SkillType } from '../../catalog/graphql/catalog.type';
import { UserType } from '../../identity/graphql/user.type';
import type { Candidate } from '../candidate.entity';
import type { Application } from '../application.entity';

registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });
registerEnumType(StageOutcome, { name: 'StageOutcome', description: "How an application's visit to one stage ended." });
registerEnumType(SkillVerdict, { name: 'SkillVerdict' });
registerEnumType(RejectionReason, {
  name: 'RejectionReason',
  description:
    'Why a stage visit FAILED, for reporting. BELOW_BAR, STRONG_NO and SKILL_NOT_VERIFIED come from the stage decision rule; a person rejecting gives any.',
  valuesMap: {
    BELOW_BAR: { description: "The panel's weighted average is under the stage's pass threshold." },
    STRONG_NO: { description: 'A panelist recommended STRONG_NO.' },
    SKILL_NOT_VERIFIED: { description: 'A must-verify skill of the stage was not verified.' },
  },
});

@ObjectType('Candidate')
export class CandidateType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Null for callers who may not see contact details (interviewers).',
  })
  email!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Null for callers who may not see contact details (interviewers).',
  })
  phone!: string | null;
  @Field(() => Float, { nullable: true }) experienceYears!: number | null;
  @Field(() => ExperienceLevel) experienceLevel!: ExperienceLevel;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field(() => [String]) tags!: string[];
  @Field(() => String, { nullable: true, description: 'Recruiter notes; null for interviewers.' }) notes!:
    string | null;

  static from(candidate: Candidate, withContactDetails: boolean): CandidateType {
    return Object.assign(new CandidateType(), {
      id: candidate.id,
      name: candidate.name,
      email: withContactDetails ? candidate.email : null,
      phone: withContactDetails ? candidate.phone : null,
      experienceYears: candidate.experienceYears,
      experienceLevel: candidate.experienceLevel,
      source: candidate.source,
      tags: candidate.tags,
      notes: withContactDetails ? candidate.notes : null,
    });
  }
}

@ObjectType('CandidateEdge')
export class CandidateEdge {
  @Field() cursor!: string;
  @Field(() => CandidateType) node!: CandidateType;
}

@ObjectType('CandidateConnection')
export class CandidateConnection {
  @Field(() => [CandidateEdge]) edges!: CandidateEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType('StageVisit')
export class StageVisitType {
  @Field(() => PlanStageType) stage!: PlanStageType;
  @Field() enteredAt!: Date;
  @Field(() => Date, { nullable: true }) exitedAt!: Date | null;
  @Field(() => StageOutcome, { nullable: true }) outcome!: StageOutcome | null;
  @Field(() => UserType, { nullable: true, description: 'Null when the system decided (an automatic stage decision).' })
  decidedBy!: UserType | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => RejectionReason, { nullable: true, description: 'Set when the outcome is FAILED.' })
  reasonCode!: RejectionReason | null;
}

@ObjectType('SkillVerdictEvidence', {
  description: 'One verdict from a submitted scorecard, in the trail behind a skill verification.',
})
export class SkillVerdictEvidenceType {
  @Field(() => SkillVerdict) verdict!: SkillVerdict;
  @Field() stageName!: string;
  @Field(() => UserType, { nullable: true }) interviewer!: UserType | null;
  @Field(() => String, { nullable: true }) evidence!: string | null;
  @Field() recordedAt!: Date;
}

@ObjectType('SkillVerification')
export class SkillVerificationType {
  @Field(() => SkillType) skill!: SkillType;
  @Field(() => SkillPriority) priority!: SkillPriority;
  @Field(() => SkillVerdict) verdict!: SkillVerdict;
  @Field(() => [SkillVerdictEvidenceType], { description: 'The verdicts it was derived from, oldest first.' })
  evidence!: SkillVerdictEvidenceType[];
}

@ObjectType('Application')
export class ApplicationType {
  @Field(() => ID) id!: string;
  @Field(() => ApplicationStatus) status!: ApplicationStatus;
  @Field() appliedAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => ExperienceLevel, { description: "The candidate's experience level when they applied." })
  experienceLevel!: ExperienceLevel;
  @Field(() => Int, {
    description: 'Increases with every transition; send it as expectedVersion to act only on what you saw.',
  })
  version!: number;
  candidateId!: string;
  positionId!: string;
  currentStageId!: string | null;

  static from(application: Application): ApplicationType {
    return Object.assign(new ApplicationType(), {
      id: application.id,
      status: application.status,
      appliedAt: application.appliedAt,
      decidedAt: application.decidedAt,
      experienceLevel: application.experienceLevel,
      version: application.version,
      candidateId: application.candidate.id,
      positionId: application.position.id,
      currentStageId: application.currentStage?.id ?? null,
    });
  }
}

@ObjectType('ApplicationEdge')
export class ApplicationEdge {
  @Field() cursor!: string;
  @Field(() => ApplicationType) node!: ApplicationType;
}

@ObjectType('ApplicationConnection')
export class ApplicationConnection {
  @Field(() => [ApplicationEdge]) edges!: ApplicationEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType('CandidatePayload')
export class CandidatePayload {
  @Field(() => CandidateType) candidate!: CandidateType;
}

@ObjectType('ApplicationPayload')
export class ApplicationPayload {
  @Field(() => ApplicationType) application!: ApplicationType;
}

@ObjectType('CandidateImportRowError')
export class CandidateImportRowError {
  @Field(() => Int, { description: 'Line number in the file (the header is line 1).' }) line!: number;
  @Field() message!: string;
}

@ObjectType('ImportCandidatesPayload')
export class ImportCandidatesPayload {
  @Field(() => Int) imported!: number;
  @Field(() => [CandidateType]) candidates!: CandidateType[];
  @Field(() => [CandidateImportRowError]) errors!: CandidateImportRowError[];
}

@InputType()
export class CreateCandidateInput {
  @Field() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(200) name!: string;
  @Field() @IsEmail({}, { message: 'must be an email address' }) @MaxLength(320) email!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0, { message: 'must not be negative' })
  @Max(70)
  experienceYears?: number;
  @Field(() => ExperienceLevel) @IsEnum(ExperienceLevel) experienceLevel!: ExperienceLevel;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) source?: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @IsString({ each: true }) tags?: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() notes?: string;
}

@InputType()
export class ImportCandidatesInput {
  @Field({
    description:
      'CSV text with a header line. Columns: name, email, experienceLevel (JUNIOR|MID|SENIOR|STAFF) required; phone, experienceYears, source, tags (separated by ;) optional.',
  })
  @IsString()
  @MaxLength(5_000_000)
  csv!: string;
}

@InputType()
export class ApplyInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a candidate id' }) candidateId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'must be a position id' }) positionId!: string;
}

@InputType()
export class ApplicationActionInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an application id' }) applicationId!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
  @Field(() => Int, { nullable: true, description: 'The version you saw; CONFLICT if the application changed since.' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;
}

@InputType()
export class AdvanceApplicationInput extends ApplicationActionInput {}

@InputType()
export class WithdrawApplicationInput extends ApplicationActionInput {}

@InputType()
export class HoldApplicationInput extends ApplicationActionInput {}

@InputType()
export class ResumeApplicationInput extends ApplicationActionInput {}

@InputType()
export class HireApplicationInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an application id' }) applicationId!: string;
  @Field(() => Int, { nullable: true, description: 'The version you saw; CONFLICT if the application changed since.' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;
}

@InputType()
export class RejectApplicationInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an application id' }) applicationId!: string;
  @Field() @IsString() @MinLength(1, { message: 'must say why' }) @MaxLength(2000) reason!: string;
  @Field(() => RejectionReason, {
    nullable: true,
    description: 'The reason as a code for reporting, stored on the failed stage visit; OTHER when left out.',
  })
  @IsOptional()
  @IsEnum(RejectionReason)
  reasonCode?: RejectionReason;
  @Field(() => Int, { nullable: true, description: 'The version you saw; CONFLICT if the application changed since.' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;
}

@InputType()
export class SkipStageInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an application id' }) applicationId!: string;
  @Field() @IsString() @MinLength(1, { message: 'must say why' }) @MaxLength(2000) reason!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() expectedVersion?: number;
}
