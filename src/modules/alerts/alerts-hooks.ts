import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SchedulingHooks } from '../scheduling';
import { ScorecardReminders } from './scorecard-reminders.service';

/** Schedules the first scorecard reminder when an interview is completed, in that transaction. */
@Injectable()
export class AlertsHooks implements OnModuleInit {
  constructor(
    private readonly scheduling: SchedulingHooks,
    private readonly reminders: ScorecardReminders,
  ) {}

  onModuleInit(): void {
    this.scheduling.on('interview-closed', async ({ em, interview }) => {
      this.reminders.scheduleFirst(em, interview);
    });
  }
}
