import { Migration } from '@mikro-orm/migrations';

export class Migration20261206204510_NotificationResolvedAt extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notification" add column "resolved_at" timestamptz null;`);
    this.addSql(
      `create index "notification_unresolved_link" on "notification" ("link", "kind") where "resolved_at" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "notification_unresolved_link";`);
    this.addSql(`alter table "notification" drop column "resolved_at";`);
  }
}
