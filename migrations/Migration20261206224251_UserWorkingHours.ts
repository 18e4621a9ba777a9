import { Migration } from '@mikro-orm/migrations';

export class Migration20261206224251_UserWorkingHours extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "app_user" add column "workday_start_hour" smallint not null default 9, add column "workday_end_hour" smallint not null default 17;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop column "workday_start_hour", drop column "workday_end_hour";`);
  }
}
