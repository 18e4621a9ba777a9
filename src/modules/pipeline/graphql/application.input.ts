import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { RejectionReason } from '../../../../libs/domain';

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

@InputType()
export class MoveApplicationToStageInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an application id' }) applicationId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'must be a stage id' }) stageId!: string;
  @Field() @IsString() @MinLength(1, { message: 'must say why' }) @MaxLength(2000) reason!: string;
  @Field(() => Int, { nullable: true, description: 'The version you saw; CONFLICT if the application changed since.' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;
}
