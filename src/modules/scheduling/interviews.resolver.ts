import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { NotFoundException } from '../../common/errors/domain.exception';
import { ApplicationAccess } from '../candidates/application-access';
import { requestLoader } from '../../graphql/request-loader';
import { UserService } from '../identity/user.service';
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
import { SchedulingService } from './scheduling.service';

const RECRUITING = [Role.ADMIN, Role.RECRUITER];

@Resolver(() => InterviewType)
export class InterviewsResolver {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly access: ApplicationAccess,
    private readonly users: UserService,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => InterviewType, { nullable: true })
  async interview(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<InterviewType | null> {
    try {
      return InterviewType.from(await this.scheduling.get(actor, id));
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
    return (await this.scheduling.myInterviews(actor, { from, to })).map((interview) => InterviewType.from(interview));
  }

  @Roles(...ALL_ROLES)
  @Query(() => String, {
    description: 'A private iCalendar URL of your interviews, for calendar apps; keep it secret.',
  })
  myCalendarFeedUrl(@CurrentActor() actor: Actor): string {
    return this.scheduling.feedPath(actor.userId!);
  }

  @Roles(...RECRUITING)
  @Query(() => [InterviewSlotType], {
    description: 'Free windows where the whole panel is in working hours and not booked.',
  })
  async suggestInterviewSlots(
    @CurrentActor() actor: Actor,
    @Args('input') input: SuggestInterviewSlotsInput,
  ): Promise<InterviewSlotType[]> {
    const slots = await this.scheduling.suggest(actor, input);
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
    const interview = await this.scheduling.schedule(actor, input);
    return { interview: InterviewType.from(await this.scheduling.get(actor, interview.id)) };
  }

  @Roles(...RECRUITING)
  @Mutation(() => InterviewPayload, { description: 'New times; the invite keeps its UID and its SEQUENCE increases.' })
  async rescheduleInterview(
    @CurrentActor() actor: Actor,
    @Args('input') input: RescheduleInterviewInput,
  ): Promise<InterviewPayload> {
    return { interview: InterviewType.from(await this.scheduling.reschedule(actor, input)) };
  }

  @Roles(...RECRUITING)
  @Mutation(() => InterviewPayload)
  async cancelInterview(
    @CurrentActor() actor: Actor,
    @Args('input') input: CancelInterviewInput,
  ): Promise<InterviewPayload> {
    return { interview: InterviewType.from(await this.scheduling.cancel(actor, input)) };
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => InterviewPayload, {
    description: 'Recruiters or the panel mark an interview that has started COMPLETED (or NO_SHOW).',
  })
  async completeInterview(
    @CurrentActor() actor: Actor,
    @Args('input') input: CompleteInterviewInput,
  ): Promise<InterviewPayload> {
    return { interview: InterviewType.from(await this.scheduling.complete(actor, input)) };
  }

  @ResolveField(() => String, { description: 'An iCalendar (RFC 5545) VCALENDAR with one VEVENT for this interview.' })
  async calendarInvite(@Parent() interview: InterviewType, @CurrentActor() actor: Actor): Promise<string> {
    const user = actor.userId ? await this.users.get(actor.userId) : null;
    const contact = await this.access.canSeeContact(actor, interview.entity.application.candidate.id);
    return this.scheduling.calendarInvite(interview.entity, contact, user?.timezone);
  }

  /** Keeps one loader per request so lists of interviews do not query per row. */
  static loader(context: object, scheduling: SchedulingService) {
    return requestLoader<string, InterviewType[]>(context, 'interviewsByApplication', async (ids) => {
      const interviews = await scheduling.interviewsOf(ids);
      return ids.map((id) =>
        interviews
          .filter((interview) => interview.application.id === id)
          .map((interview) => InterviewType.from(interview)),
      );
    });
  }
}
