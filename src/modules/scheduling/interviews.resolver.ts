import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ALL_ROLES, Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { NotFoundException } from '../../common/errors/domain.exception';
import { CatalogLoaders, PlanStageType } from '../catalog';
import { UserType } from '../identity';
import { ApplicationType } from '../pipeline';
import { FeedTokens } from './feed-tokens';
import {
  CancelInterviewInput,
  CompleteInterviewInput,
  InterviewPayload,
  InterviewSlotType,
  InterviewType,
  RescheduleInterviewInput,
  ScheduleInterviewInput,
  SuggestInterviewSlotsInput,
} from './graphql/interview.type';
import { InterviewBookingService } from './interview-booking.service';
import { InterviewSlotsService } from './interview-slots.service';
import { InterviewsService } from './interviews.service';
import { SchedulingLoaders } from './scheduling.loaders';

const RECRUITING = [Role.ADMIN, Role.RECRUITER];

@Resolver(() => InterviewType)
export class InterviewsResolver {
  constructor(
    private readonly interviews: InterviewsService,
    private readonly booking: InterviewBookingService,
    private readonly slots: InterviewSlotsService,
    private readonly feedTokens: FeedTokens,
    private readonly catalog: CatalogLoaders,
    private readonly loaders: SchedulingLoaders,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => InterviewType, { nullable: true })
  async interview(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<InterviewType | null> {
    try {
      return InterviewType.from(await this.interviews.get(actor, id));
    } catch (error) {
      if (error instanceof NotFoundException) return null;
      throw error;
    }
  }

  @Roles(...ALL_ROLES)
  @Query(() => [InterviewType], { description: 'Interviews the caller sits on, soonest first.' })
  async myInterviews(
    @CurrentActor() actor: Actor,
    @Args('from', { type: () => Date, nullable: true }) from?: Date,
    @Args('to', { type: () => Date, nullable: true }) to?: Date,
  ): Promise<InterviewType[]> {
    return (await this.interviews.mine(actor, { from, to })).map((interview) => InterviewType.fromRow(interview));
  }

  @Roles(...ALL_ROLES)
  @Query(() => String, {
    description:
      'A private iCalendar URL of your interviews, absolute (under the PUBLIC_URL setting), for calendar apps; keep it secret.',
  })
  myCalendarFeedUrl(@CurrentActor() actor: Actor): string {
    return this.feedTokens.url(actor.userId!);
  }

  @Roles(...RECRUITING)
  @Query(() => [InterviewSlotType], {
    description: 'Free windows where the whole panel is in working hours and not booked.',
  })
  async suggestInterviewSlots(
    @CurrentActor() actor: Actor,
    @Args('input') input: SuggestInterviewSlotsInput,
  ): Promise<InterviewSlotType[]> {
    const slots = await this.slots.suggest(actor, input);
    return slots.map((slot) => ({
      startsAt: slot.start,
      endsAt: slot.end,
      panelLoad: slot.load,
      interviewerIds: slot.interviewerIds,
    }));
  }

  @Roles(...RECRUITING)
  @Mutation(() => InterviewPayload)
  async scheduleInterview(
    @CurrentActor() actor: Actor,
    @Args('input') input: ScheduleInterviewInput,
  ): Promise<InterviewPayload> {
    return { interview: InterviewType.from(await this.booking.schedule(actor, input)) };
  }

  @Roles(...RECRUITING)
  @Mutation(() => InterviewPayload, { description: 'New times; the invite keeps its UID and its SEQUENCE increases.' })
  async rescheduleInterview(
    @CurrentActor() actor: Actor,
    @Args('input') input: RescheduleInterviewInput,
  ): Promise<InterviewPayload> {
    return { interview: InterviewType.from(await this.booking.reschedule(actor, input)) };
  }

  @Roles(...RECRUITING)
  @Mutation(() => InterviewPayload)
  async cancelInterview(
    @CurrentActor() actor: Actor,
    @Args('input') input: CancelInterviewInput,
  ): Promise<InterviewPayload> {
    return { interview: InterviewType.from(await this.booking.cancel(actor, input)) };
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => InterviewPayload, {
    description: 'Recruiters or the panel mark an interview that has started COMPLETED (or NO_SHOW).',
  })
  async completeInterview(
    @CurrentActor() actor: Actor,
    @Args('input') input: CompleteInterviewInput,
  ): Promise<InterviewPayload> {
    return { interview: InterviewType.from(await this.booking.complete(actor, input)) };
  }

  @ResolveField(() => String, { description: 'An iCalendar (RFC 5545) VCALENDAR with one VEVENT for this interview.' })
  async calendarInvite(
    @Parent() interview: InterviewType,
    @CurrentActor() actor: Actor,
    @Context() context: object,
  ): Promise<string> {
    const entity = interview.entity ?? (await this.loaders.entity(context).load(interview.id));
    return this.interviews.calendarInvite(actor, entity);
  }

  @ResolveField(() => [UserType])
  interviewers(@Parent() interview: InterviewType, @Context() context: object): UserType[] | Promise<UserType[]> {
    return interview.interviewers ?? this.loaders.panel(context).load(interview.id);
  }

  @ResolveField(() => ApplicationType)
  application(@Parent() interview: InterviewType): ApplicationType {
    return interview.application;
  }

  @ResolveField(() => PlanStageType, {
    description: 'The stage this interview is for, with its kit (rubric, questions, task).',
  })
  stage(@Parent() interview: InterviewType, @Context() context: object, @Info() info: GraphQLResolveInfo) {
    return this.catalog.stageFor(context, info).load(interview.stageId);
  }
}
