export { AlertsModule, AlertsJobsModule } from './alerts.module';
export { ScorecardReminders, scorecardReminderJobId, ESCALATION_ROUND } from './scorecard-reminders.service';
export { ScorecardReminderProcessor } from './scorecard-reminder.processor';
export { StalledApplications } from './stalled-applications.service';
export { SlaSweepProcessor, SLA_SWEEP } from './sla-sweep.processor';
export { StageDecisionRebuild } from './stage-decision-rebuild';
