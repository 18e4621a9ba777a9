import { Migration } from '@mikro-orm/migrations';

export class Migration20261206204608_MailDelivery extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "mail_delivery_status" as enum ('SENT', 'LOGGED', 'RETRYING', 'DEAD');`);
    this.addSql(
      `create table "mail_delivery" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "key" text not null, "job_name" text not null, "recipient_type" text not null, "recipient_id" uuid not null, "status" "mail_delivery_status" not null, "attempts" int not null default 0, "last_error" text null, "sent_at" timestamptz null, constraint "mail_delivery_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "mail_delivery" add constraint "mail_delivery_key_unique" unique ("key");`);
    this.addSql(`create index "mail_delivery_status_updated_at_index" on "mail_delivery" ("status", "updated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mail_delivery" cascade;`);

    this.addSql(`drop type "mail_delivery_status";`);
  }
}
