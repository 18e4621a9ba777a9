import { Migration } from '@mikro-orm/migrations';

export class Migration20261206181358_NotificationsWebhooksWorkQueue extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "webhook_event" as enum ('APPLICATION_STAGE_CHANGED', 'APPLICATION_HIRED', 'APPLICATION_REJECTED', 'INTERVIEW_SCHEDULED', 'INTERVIEW_RESCHEDULED', 'INTERVIEW_CANCELLED', 'SCORECARD_SUBMITTED', 'STAGE_DECISION_READY', 'SLA_BREACHED');`,
    );
    this.addSql(`create type "webhook_delivery_status" as enum ('PENDING', 'DELIVERED', 'FAILED');`);
    this.addSql(
      `create table "notification_preference" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_id" uuid not null, "kind" text not null, "email" boolean not null, constraint "notification_preference_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "notification_preference" add constraint "notification_preference_user_id_kind_unique" unique ("user_id", "kind");`,
    );

    this.addSql(
      `create table "webhook_subscription" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "url" text not null, "events" text[] not null, "secret" text not null, "active" boolean not null, constraint "webhook_subscription_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "webhook_delivery" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "subscription_id" uuid not null, "event" "webhook_event" not null, "event_key" text not null, "payload" jsonb not null, "status" "webhook_delivery_status" not null, "attempts" int not null, "last_error" text null, "delivered_at" timestamptz null, "next_attempt_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_delivery_status_created_at_index" on "webhook_delivery" ("status", "created_at");`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_subscription_id_event_key_unique" unique ("subscription_id", "event_key");`,
    );

    this.addSql(
      `alter table "notification_preference" add constraint "notification_preference_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_subscription_id_foreign" foreign key ("subscription_id") references "webhook_subscription" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "plan_stage" add column "sla_days" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_subscription_id_foreign";`);

    this.addSql(`drop table if exists "notification_preference" cascade;`);

    this.addSql(`drop table if exists "webhook_subscription" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`alter table "plan_stage" drop column "sla_days";`);

    this.addSql(`drop type "webhook_event";`);
    this.addSql(`drop type "webhook_delivery_status";`);
  }
}
