import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApplicationStatus, ExperienceLevel } from '../../../../libs/domain';
import { PageInfo } from '../../../common/pagination';

/** What a pipeline board's card shows of one application: plain values, read in one statement. */
@ObjectType('BoardCard', {
  description:
    "One ACTIVE or ON_HOLD application as the pipeline board's card shows it: plain values of the application, its candidate, its open stage visit and its next interview.",
})
export class BoardCardType {
  @Field(() => ID, { description: "The application's id." }) id!: string;
  @Field(() => Int, { description: "The application's version, to send as expectedVersion." }) version!: number;
  @Field(() => ApplicationStatus, { description: 'ACTIVE or ON_HOLD.' }) status!: ApplicationStatus;
  @Field({ description: 'When the candidate applied.' }) appliedAt!: Date;
  @Field(() => ExperienceLevel, { description: "The candidate's experience level when they applied." })
  experienceLevel!: ExperienceLevel;
  @Field(() => ID, { description: "The candidate's id." }) candidateId!: string;
  @Field({ description: "The candidate's name." }) candidateName!: string;
  @Field(() => ID, { nullable: true, description: 'The stage of the open visit; null when every stage is done.' })
  currentStageId!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the open stage visit began; null when not in a stage.' })
  enteredStageAt!: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: "The start of the application's next SCHEDULED interview still to come; null when none.",
  })
  nextInterviewAt!: Date | null;
}

@ObjectType('BoardCardEdge', { description: 'One card of a page of the pipeline board.' })
export class BoardCardEdge {
  @Field({ description: 'Pass as `after` to continue after this card.' }) cursor!: string;
  @Field(() => BoardCardType, { description: 'The card.' }) node!: BoardCardType;
}

@ObjectType('BoardCardConnection', {
  description: "A page of a position's pipeline board (Relay connection): its ACTIVE and ON_HOLD applications.",
})
export class BoardCardConnection {
  @Field(() => [BoardCardEdge], { description: 'The cards of this page, newest application first.' })
  edges!: BoardCardEdge[];
  @Field(() => PageInfo, { description: 'Where this page lies; pass `endCursor` as `after` for the next one.' })
  pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many cards the board has, over all pages.' }) totalCount!: number;
}
