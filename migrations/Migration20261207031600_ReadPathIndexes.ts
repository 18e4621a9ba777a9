import { Migration } from '@mikro-orm/migrations';

export class Migration20261207031600_ReadPathIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "application_position_page" on "application" ("position_id", "created_at" desc, "id");`);

    this.addSql(`create index "stage_decision_application_id_index" on "stage_decision" ("application_id");`);

    this.addSql(`create index "interview_panelist_interview_id_index" on "interview_panelist" ("interview_id");`);

    this.addSql(
      `create index "application_skill_verdict_scorecard_id_index" on "application_skill_verdict" ("scorecard_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "application_position_page";`);

    this.addSql(`drop index "application_skill_verdict_scorecard_id_index";`);

    this.addSql(`drop index "interview_panelist_interview_id_index";`);

    this.addSql(`drop index "stage_decision_application_id_index";`);
  }
}
