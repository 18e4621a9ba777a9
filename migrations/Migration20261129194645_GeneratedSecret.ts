import { Migration } from '@mikro-orm/migrations';

export class Migration20261129194645_GeneratedSecret extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "generated_secret" ("name" text not null, "value" text not null, "created_at" timestamptz not null, constraint "generated_secret_pkey" primary key ("name"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "generated_secret" cascade;`);
  }
}
