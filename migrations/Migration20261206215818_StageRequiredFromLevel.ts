import { Migration } from '@mikro-orm/migrations';

/**
 * A stage can be required from an experience level up (skipped below it). The built-in Backend
 * Developer template, loaded before this, gets what its data file now says: system design from
 * mid-level up. Positions keep the plan they copied.
 */
export class Migration20261206215818_StageRequiredFromLevel extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "plan_stage" add column "required_from_level" "experience_level" null;`);
    this.addSql(`update "plan_stage" s set "required_from_level" = 'MID'
  from "interview_plan" p
 where s."plan_id" = p."id" and s."key" = 'system-design' and p."is_template"
   and p."family" in (select "family" from "interview_plan" where "built_in_key" = 'backend-developer');`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "plan_stage" drop column "required_from_level";`);
  }
}
