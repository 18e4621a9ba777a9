import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog';
import { IdentityModule } from '../identity';
import { NotificationsModule } from '../notifications';
import { PipelineModule } from '../pipeline';
import { WebhooksModule } from '../webhooks';
import { ApplicationInterviewsResolver } from './application-interviews.resolver';
import { BookingChecks } from './booking-checks';
import { CalendarFeedController } from './calendar-feed.controller';
import { FeedTokens } from './feed-tokens';
import { InterviewBookingService } from './interview-booking.service';
import { InterviewCancellation } from './interview-cancellation';
import { InterviewEvents } from './interview-events';
import { InterviewNotices } from './interview-notices';
import { InterviewReminderProcessor } from './interview-reminder.processor';
import { InterviewReminders } from './interview-reminders';
import { InterviewSlotsService } from './interview-slots.service';
import { InterviewsResolver } from './interviews.resolver';
import { InterviewsService } from './interviews.service';
import { SchedulingHooks } from './scheduling-hooks';
import { SchedulingLoaders } from './scheduling.loaders';

@Module({
  imports: [IdentityModule, CatalogModule, PipelineModule, WebhooksModule, NotificationsModule],
  controllers: [CalendarFeedController],
  providers: [
    InterviewsService,
    InterviewBookingService,
    InterviewSlotsService,
    BookingChecks,
    FeedTokens,
    SchedulingHooks,
    InterviewCancellation,
    InterviewEvents,
    InterviewNotices,
    SchedulingLoaders,
    InterviewsResolver,
    ApplicationInterviewsResolver,
  ],
  exports: [InterviewsService, SchedulingHooks, SchedulingLoaders],
})
export class SchedulingModule {}

/**
 * The worker side: interview reminders. `InterviewReminders.rebuildInterviewReminders()` recreates
 * every pending reminder job from PostgreSQL (for the reconciler).
 */
@Module({
  imports: [NotificationsModule],
  providers: [InterviewReminders, InterviewReminderProcessor],
  exports: [InterviewReminders],
})
export class SchedulingJobsModule {}
