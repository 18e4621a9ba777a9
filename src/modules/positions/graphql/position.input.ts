import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CompanyProfile, ExperienceLevel } from '../../../../libs/domain';

@InputType()
export class CreatePositionInput {
  @Field() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(200) title!: string;
  @Field(() => ExperienceLevel) @IsEnum(ExperienceLevel) level!: ExperienceLevel;
  @Field(() => CompanyProfile) @IsEnum(CompanyProfile) companyProfile!: CompanyProfile;
  @Field(() => ID) @IsUUID('all', { message: 'must be a user id' }) hiringManagerId!: string;
  @Field(() => [ID])
  @IsArray()
  @IsUUID('all', { each: true, message: 'each must be a user id' })
  recruiterIds!: string[];
  @Field(() => ID, { description: 'The template to copy the plan from.' })
  @IsUUID('all', { message: 'must be a plan template id' })
  planTemplateId!: string;
}

@InputType({ description: 'Changes a position: only the fields given change.' })
export class UpdatePositionInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a position id' }) positionId!: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  title?: string;
  @Field(() => ExperienceLevel, { nullable: true }) @IsOptional() @IsEnum(ExperienceLevel) level?: ExperienceLevel;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  hiringManagerId?: string;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true, message: 'each must be a user id' })
  recruiterIds?: string[];
  @Field(() => Int, { nullable: true, description: 'The revision you saw; CONFLICT if the position changed since.' })
  @IsOptional()
  @IsInt()
  expectedRevision?: number;
}
