export { Interview, InterviewPanelist } from './interview.entity';
export { InterviewType } from './graphql/interview.type';
export { InterviewBookingService, type ScheduleRequest } from './interview-booking.service';
export { InterviewsService } from './interviews.service';
export { SchedulingHooks, type SchedulingEvents } from './scheduling-hooks';
export { SchedulingLoaders } from './scheduling.loaders';
export { SchedulingJobsModule, SchedulingModule } from './scheduling.module';
export { InterviewReminders, reminderJobId } from './interview-reminders';
export { renderInvite } from './calendar-invite';
