import { Migration } from '@mikro-orm/migrations';

export class Migration20261123002630_QuestionRatingsAndRejectionReasons extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "rejection_reason" as enum ('BELOW_BAR', 'STRONG_NO', 'SKILL_NOT_VERIFIED', 'SKILLS_GAP', 'COMMUNICATION', 'SALARY_EXPECTATIONS', 'POSITION_FILLED', 'NO_SHOW', 'OTHER');`,
    );
    this.addSql(`alter table "stage_visit" add column "reason_code" "rejection_reason" null;`);

    this.addSql(`alter table "stage_decision" add column "reason_code" "rejection_reason" null;`);

    this.addSql(`alter table "scorecard" add column "question_ratings" jsonb not null default '[]';`);

    // Visits that failed before codes existed.
    this.addSql(
      `update "stage_visit" set "reason_code" = 'OTHER' where "outcome" = 'FAILED' and "reason_code" is null;`,
    );
    // Decisions that failed before codes existed: their failing conditions, in decideStage's wording and priority.
    this.addSql(`update "stage_decision" set "reason_code" = case
        when exists (select 1 from unnest("reasons") r where r like 'Must-verify skill % is not verified') then 'SKILL_NOT_VERIFIED'
        when exists (select 1 from unnest("reasons") r where r like 'STRONG\\_NO from %') then 'STRONG_NO'
        else 'BELOW_BAR'
      end::"rejection_reason"
      where "outcome" = 'FAILED' and "reason_code" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "scorecard" drop column "question_ratings";`);

    this.addSql(`alter table "stage_decision" drop column "reason_code";`);

    this.addSql(`alter table "stage_visit" drop column "reason_code";`);

    this.addSql(`drop type "rejection_reason";`);
  }
}
