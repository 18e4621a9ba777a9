import { Migration } from '@mikro-orm/migrations';

export class Migration20261122235102_StageVisitAnalyticsIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "stage_visit_stage_analytics" on "stage_visit" ("stage_id") include ("application_id", "outcome", "entered_at", "exited_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "stage_visit_stage_analytics";`);
  }
}
