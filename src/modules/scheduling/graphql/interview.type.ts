import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsDate,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { InterviewStatus } from '../../../../libs/domain';
import { UserType } from '../../identity';
import { ApplicationType, type ApplicationJson } from '../../pipeline';
import type { Interview } from '../interview.entity';

registerEnumType(InterviewStatus, { name: 'InterviewStatus' });

@ObjectType('Interview')
export class InterviewType {
  @Field(() => ID) id!: string;
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => InterviewStatus) status!: InterviewStatus;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
  stageId!: string;
  /** Exposed by InterviewsResolver.application. */
  application!: ApplicationType;
  /** The panel (panelOrder), when the interview came as an entity; otherwise InterviewsResolver.interviewers loads it. */
  interviewers?: UserType[];
  /** The loaded entity, when there is one (calendarInvite renders from it; otherwise it loads it). */
  entity?: Interview;

  /** Panel, application (candidate, position) and stage must be loaded. */
  static from(interview: Interview): InterviewType {
    return Object.assign(new InterviewType(), {
      id: interview.id,
      startsAt: interview.startsAt,
      endsAt: interview.endsAt,
      location: interview.location,
      status: interview.status,
      cancelReason: interview.cancelReason,
      stageId: interview.stage.id,
      application: ApplicationType.from(interview.application),
      interviewers: panelOrder(interview.panel.getItems().map((panelist) => UserType.from(panelist.interviewer))),
      entity: interview,
    });
  }

  /** From a plain row (InterviewsService's row reads): no entity, the panel loaded only if asked for. */
  static fromRow(row: InterviewRow): InterviewType {
    return Object.assign(new InterviewType(), { ...row, application: ApplicationType.fromJson(row.application) });
  }
}

/**
 * A panel as every read shows it: by name, then id (a panel is written in one transaction, so the
 * rows themselves carry no order).
 */
export function panelOrder(users: UserType[]): UserType[] {
  return users.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** An interview as InterviewsService reads it in plain rows, with its application. */
export interface InterviewRow {
  id: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  status: InterviewStatus;
  cancelReason: string | null;
  stageId: string;
  application: ApplicationJson;
}

@ObjectType('InterviewPayload')
export class InterviewPayload {
  @Field(() => InterviewType) interview!: InterviewType;
}

@ObjectType('InterviewSlot')
export class InterviewSlotType {
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field(() => Int, { description: "The panel's interviews that week: lower is a lighter week for the panel." })
  panelLoad!: number;
  @Field(() => [ID], { description: 'The panel for this window.' }) interviewerIds!: string[];
}

@InputType()
export class ScheduleInterviewInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an application id' }) applicationId!: string;
  @Field() @Type(() => Date) @IsDate() startsAt!: Date;
  @Field() @Type(() => Date) @IsDate() endsAt!: Date;
  @Field(() => [ID])
  @IsArray()
  @ArrayNotEmpty({ message: 'name at least one interviewer' })
  @IsUUID('all', { each: true })
  interviewerIds!: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) location?: string;
}

@InputType()
export class RescheduleInterviewInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an interview id' }) interviewId!: string;
  @Field() @Type(() => Date) @IsDate() startsAt!: Date;
  @Field() @Type(() => Date) @IsDate() endsAt!: Date;
  @Field(() => [ID], {
    nullable: true,
    description:
      'A new panel; the current one when left out. Whoever is left off loses what they could see only through this interview.',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({ message: 'name at least one interviewer' })
  @IsUUID('all', { each: true })
  interviewerIds?: string[];
}

@InputType()
export class CompleteInterviewInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an interview id' }) interviewId!: string;
  @Field({
    nullable: true,
    description: 'True when the candidate did not attend: the interview becomes NO_SHOW instead of COMPLETED.',
  })
  @IsOptional()
  @IsBoolean()
  noShow?: boolean;
}

@InputType()
export class CancelInterviewInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an interview id' }) interviewId!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

@InputType()
export class SuggestInterviewSlotsInput {
  @Field(() => ID) @IsUUID() applicationId!: string;
  @Field(() => Int) @IsInt() @Min(15) @Max(480) durationMinutes!: number;
  @Field() @Type(() => Date) @IsDate() from!: Date;
  @Field() @Type(() => Date) @IsDate() to!: Date;
  @Field(() => [ID], { description: 'The panel to fit.' })
  @IsArray()
  @ArrayNotEmpty()
  @IsUUID('all', { each: true })
  interviewerIds!: string[];
  @Field(() => Int, {
    nullable: true,
    description:
      'Choose this many of interviewerIds per window, preferring those with the fewest interviews that week.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  panelSize?: number;
}
