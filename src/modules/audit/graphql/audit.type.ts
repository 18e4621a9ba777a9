import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserType } from '../../identity';

@ObjectType('AuditEntry')
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field(() => UserType, { nullable: true, description: 'Null for the system (jobs).' }) actor!: UserType | null;
  @Field() action!: string;
  @Field() targetType!: string;
  @Field(() => ID, { nullable: true }) targetId!: string | null;
  @Field({ description: 'OK or the error code.' }) outcome!: string;
  @Field(() => String, { nullable: true }) requestId!: string | null;
}

export interface AuditLogFilter {
  first?: number | null;
  before?: Date | null;
  actorId?: string | null;
  targetId?: string | null;
  action?: string | null;
}
