import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications';
import { SchedulingModule } from '../scheduling';
import { WebhooksModule } from '../webhooks';
import { AlertsHooks } from './alerts-hooks';
import { ScorecardReminderProcessor } from './scorecard-reminder.processor';
import { ScorecardReminders } from './scorecard-reminders.service';
import { SlaSweepProcessor } from './sla-sweep.processor';
import { StageDecisionRebuild } from './stage-decision-rebuild';
import { StalledApplications } from './stalled-applications.service';

/**
 * Scorecard reminders, escalation and stalled-application alerts. Imported by the API and the
 * worker: completing an interview (either process) schedules its first reminder.
 */
@Module({
  imports: [NotificationsModule, SchedulingModule, WebhooksModule],
  providers: [ScorecardReminders, StalledApplications, AlertsHooks],
  exports: [ScorecardReminders, StalledApplications],
})
export class AlertsModule {}

/** The worker side: the processors and the reconciler's rebuild of stage decision jobs. */
@Module({
  imports: [AlertsModule],
  providers: [ScorecardReminderProcessor, SlaSweepProcessor, StageDecisionRebuild],
})
export class AlertsJobsModule {}
