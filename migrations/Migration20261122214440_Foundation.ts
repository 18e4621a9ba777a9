import { Migration } from '@mikro-orm/migrations';

export class Migration20261122214440_Foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "role" as enum ('ADMIN', 'RECRUITER', 'INTERVIEWER', 'HIRING_MANAGER');`);
    this.addSql(
      `create table "job_heartbeat" ("job_name" text not null, "last_run_at" timestamptz not null, "worker" text not null, constraint "job_heartbeat_pkey" primary key ("job_name"));`,
    );

    this.addSql(
      `create table "outbox_message" ("id" bigserial primary key, "job_name" text not null, "job_id" text not null, "payload" jsonb not null, "run_at" timestamptz null, "created_at" timestamptz not null default now(), "relayed_at" timestamptz null);`,
    );
    this.addSql(`create index "outbox_message_pending_idx" on "outbox_message" ("id") where "relayed_at" is null;`);

    this.addSql(
      `create table "app_user" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "email" text not null, "name" text not null, "roles" "role"[] not null, "timezone" text not null default 'UTC', "password_hash" text not null, "deactivated_at" timestamptz null, constraint "app_user_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(
      `create table "refresh_token" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_id" uuid not null, "family" uuid not null, "token_hash" text not null, "expires_at" timestamptz not null, "rotated_at" timestamptz null, "revoked_at" timestamptz null, constraint "refresh_token_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "refresh_token_family_index" on "refresh_token" ("family");`);

    this.addSql(
      `alter table "refresh_token" add constraint "refresh_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "refresh_token" drop constraint "refresh_token_user_id_foreign";`);

    this.addSql(`drop table if exists "job_heartbeat" cascade;`);

    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "refresh_token" cascade;`);

    this.addSql(`drop type "role";`);
  }
}
