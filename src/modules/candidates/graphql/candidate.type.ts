import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ExperienceLevel } from '../../../../libs/domain';
import { PageInfo } from '../../../common/pagination';
import { RawText } from '../../../common/text-rules';

/** Limits of one CSV import (docs/security.md). */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;
import type { Candidate } from '../candidate.entity';

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
  @Field(() => Int, {
    description: 'Increases with every updateCandidate; send it as expectedVersion to change only what you saw.',
  })
  version!: number;

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
      version: candidate.version,
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
  @Field() totalCountCapped!: boolean;
}

@ObjectType('CandidatePayload')
export class CandidatePayload {
  @Field(() => CandidateType) candidate!: CandidateType;
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
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10_000) notes?: string;
}

@InputType({ description: 'The fields to change; a field left out keeps its value, null clears an optional one.' })
export class UpdateCandidateInput {
  @Field(() => ID, { description: 'The candidate to change.' })
  @IsUUID('all', { message: 'must be a candidate id' })
  candidateId!: string;
  @Field({ nullable: true, description: 'The full name; cannot be cleared.' })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  name?: string;
  @Field({
    nullable: true,
    description: 'Unique among candidates in any letter case (CONFLICT naming the other candidate); cannot be cleared.',
  })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email?: string;
  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Recruiter notes; null clears them.' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string | null;
  @Field(() => [String], { nullable: true, description: 'Replaces all tags; [] clears them.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];
  @Field(() => String, { nullable: true, description: 'Where the candidate came from; null clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string | null;
  @Field(() => Int, { nullable: true, description: 'The version you saw; CONFLICT if the candidate changed since.' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;
}

@InputType()
export class ImportCandidatesInput {
  @Field({
    description:
      'CSV text with a header line. Columns: name, email, experienceLevel (JUNIOR|MID|SENIOR|STAFF) required; phone, experienceYears, source, tags (separated by ;) optional.',
  })
  @IsString()
  @MaxLength(IMPORT_MAX_BYTES, { message: `must be at most ${IMPORT_MAX_ROWS} rows and ${IMPORT_MAX_BYTES} bytes` })
  @RawText()
  csv!: string;
}
