import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApplicationType } from '../pipeline';
import { InterviewType } from '../scheduling';
import type { WorkSection } from './work-definitions';

@ObjectType('WorkItem')
export class WorkItemType {
  @Field(() => ApplicationType) application!: ApplicationType;
  @Field(() => InterviewType, { nullable: true, description: 'The interview it is about, where there is one.' })
  interview!: InterviewType | null;
  @Field({ description: 'Since when it has been waiting.' }) since!: Date;
  /** The section it is listed in (not exposed: the parent field says so); `waitingFor` reads it. */
  section!: WorkSection;
}

@ObjectType('WorkQueueSection')
export class WorkQueueSectionType {
  @Field(() => Int) count!: number;
  @Field(() => [WorkItemType], { description: 'The oldest problems first, at most 50.' }) items!: WorkItemType[];
}

@ObjectType('WorkQueue')
export class WorkQueueType {
  @Field(() => WorkQueueSectionType, {
    description: 'Active applications with no interview scheduled for their current stage.',
  })
  toSchedule!: WorkQueueSectionType;
  @Field(() => WorkQueueSectionType, { description: 'Completed interviews with a scorecard past due.' })
  overdueScorecards!: WorkQueueSectionType;
  @Field(() => WorkQueueSectionType, { description: "Applications in their stage longer than the stage's SLA." })
  stalled!: WorkQueueSectionType;
  @Field(() => WorkQueueSectionType, { description: 'Stage decisions computed and waiting for a person.' })
  decisionsWaiting!: WorkQueueSectionType;
  @Field(() => WorkQueueSectionType, {
    description: 'Applications that passed the last stage and wait for the hire decision.',
  })
  awaitingHire!: WorkQueueSectionType;
}
