import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

@InputType()
export class EraseCandidateInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an id (a UUID)' }) candidateId!: string;
  /** Why (the request's reference): recorded in no table, the audit log keeps the field name only. */
  @Field() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(500) reason!: string;
}

@ObjectType('EraseCandidatePayload')
export class EraseCandidatePayload {
  @Field(() => ID) candidateId!: string;
  @Field() erasedAt!: Date;
}

@InputType()
export class RenewCandidateConsentInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an id (a UUID)' }) candidateId!: string;
}

@ObjectType('RenewCandidateConsentPayload')
export class RenewCandidateConsentPayload {
  @Field(() => ID) candidateId!: string;
  @Field({ description: 'When the personal data will be anonymised unless consent is renewed again.' })
  retainUntil!: Date;
}
