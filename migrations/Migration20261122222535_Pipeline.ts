import { Migration } from '@mikro-orm/migrations';

export class Migration20261122222535_Pipeline extends Migration {
  override async up(): Promise<void> {
    // Trigram search on candidates; uuid equality inside a GiST exclusion constraint.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(`create type "application_status" as enum ('ACTIVE', 'ON_HOLD', 'HIRED', 'REJECTED', 'WITHDRAWN');`);
    this.addSql(`create type "stage_outcome" as enum ('PASSED', 'FAILED', 'WITHDRAWN', 'SKIPPED');`);
    this.addSql(`create type "interview_status" as enum ('SCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW');`);
    this.addSql(`create type "skill_verdict" as enum ('VERIFIED', 'NOT_VERIFIED', 'NOT_ASSESSED');`);
    this.addSql(
      `create table "candidate" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "email" text not null, "phone" text null, "experience_years" double precision null, "experience_level" "experience_level" not null, "source" text null, "tags" text[] not null default '{}', "notes" text null, constraint "candidate_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "candidate" add constraint "candidate_email_unique" unique ("email");`);
    this.addSql(`create index "candidate_created_at_id_index" on "candidate" ("created_at", "id");`);
    this.addSql(`create index "candidate_email_trgm" on "candidate" using gin ("email" gin_trgm_ops);`);
    this.addSql(`create index "candidate_name_trgm" on "candidate" using gin ("name" gin_trgm_ops);`);

    this.addSql(
      `create table "application" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "candidate_id" uuid not null, "position_id" uuid not null, "status" "application_status" not null, "current_stage_id" uuid null, "experience_level" "experience_level" not null, "applied_at" timestamptz not null, "decided_at" timestamptz null, "version" int not null default 1, constraint "application_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "application_position_id_status_index" on "application" ("position_id", "status");`);
    this.addSql(
      `create unique index "application_one_active_per_position" on "application" ("candidate_id", "position_id") where "status" in ('ACTIVE', 'ON_HOLD');`,
    );

    this.addSql(
      `create table "stage_visit" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "application_id" uuid not null, "stage_id" uuid not null, "entered_at" timestamptz not null, "exited_at" timestamptz null, "outcome" "stage_outcome" null, "decided_by_id" uuid null, "reason" text null, constraint "stage_visit_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "stage_visit_stage_id_outcome_index" on "stage_visit" ("stage_id", "outcome");`);
    this.addSql(
      `create index "stage_visit_application_id_entered_at_index" on "stage_visit" ("application_id", "entered_at");`,
    );

    this.addSql(
      `create table "interview" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "application_id" uuid not null, "stage_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "location" text null, "status" "interview_status" not null, "cancel_reason" text null, "sequence" int not null default 0, "version" int not null default 1, constraint "interview_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "interview_application_id_index" on "interview" ("application_id");`);

    this.addSql(
      `create table "application_skill_verdict" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "application_id" uuid not null, "skill_id" uuid not null, "stage_id" uuid not null, "verdict" "skill_verdict" not null, "evidence" text null, constraint "application_skill_verdict_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "application_skill_verdict_application_id_skill_id_index" on "application_skill_verdict" ("application_id", "skill_id");`,
    );

    this.addSql(
      `create table "interview_panelist" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "interview_id" uuid not null, "interviewer_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "blocks_calendar" boolean not null, constraint "interview_panelist_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "interview_panelist_interviewer_id_starts_at_index" on "interview_panelist" ("interviewer_id", "starts_at");`,
    );

    this.addSql(
      `create table "application_transition" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "application_id" uuid not null, "action" text not null, "from_status" "application_status" not null, "to_status" "application_status" not null, "from_stage_id" uuid null, "to_stage_id" uuid null, "actor_id" uuid null, "reason" text null, constraint "application_transition_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "application_transition_application_id_created_at_index" on "application_transition" ("application_id", "created_at");`,
    );

    this.addSql(
      `alter table "application" add constraint "application_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "application" add constraint "application_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "application" add constraint "application_current_stage_id_foreign" foreign key ("current_stage_id") references "plan_stage" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "stage_visit" add constraint "stage_visit_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "stage_visit" add constraint "stage_visit_stage_id_foreign" foreign key ("stage_id") references "plan_stage" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "stage_visit" add constraint "stage_visit_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "interview" add constraint "interview_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "interview" add constraint "interview_stage_id_foreign" foreign key ("stage_id") references "plan_stage" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "application_skill_verdict" add constraint "application_skill_verdict_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "application_skill_verdict" add constraint "application_skill_verdict_skill_id_foreign" foreign key ("skill_id") references "skill" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "application_skill_verdict" add constraint "application_skill_verdict_stage_id_foreign" foreign key ("stage_id") references "plan_stage" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "interview_panelist" add constraint "interview_panelist_interview_id_foreign" foreign key ("interview_id") references "interview" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "interview_panelist" add constraint "interview_panelist_interviewer_id_foreign" foreign key ("interviewer_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "application_transition" add constraint "application_transition_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "application_transition" add constraint "application_transition_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    // No interviewer sits on two scheduled interviews that overlap: enforced by the database, so it
    // holds under concurrent requests. Touching intervals ([start, end)) do not overlap.
    this.addSql(
      `alter table "interview_panelist" add constraint "interview_panelist_no_double_booking" exclude using gist ("interviewer_id" with =, tstzrange("starts_at", "ends_at", '[)') with &&) where ("blocks_calendar");`,
    );
    this.addSql(`alter table "interview" add constraint "interview_ends_after_start" check ("ends_at" > "starts_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "application" drop constraint "application_candidate_id_foreign";`);

    this.addSql(`alter table "stage_visit" drop constraint "stage_visit_application_id_foreign";`);

    this.addSql(`alter table "interview" drop constraint "interview_application_id_foreign";`);

    this.addSql(
      `alter table "application_skill_verdict" drop constraint "application_skill_verdict_application_id_foreign";`,
    );

    this.addSql(
      `alter table "application_transition" drop constraint "application_transition_application_id_foreign";`,
    );

    this.addSql(`alter table "interview_panelist" drop constraint "interview_panelist_interview_id_foreign";`);

    this.addSql(`drop table if exists "candidate" cascade;`);

    this.addSql(`drop table if exists "application" cascade;`);

    this.addSql(`drop table if exists "stage_visit" cascade;`);

    this.addSql(`drop table if exists "interview" cascade;`);

    this.addSql(`drop table if exists "application_skill_verdict" cascade;`);

    this.addSql(`drop table if exists "interview_panelist" cascade;`);

    this.addSql(`drop table if exists "application_transition" cascade;`);

    this.addSql(`drop type "application_status";`);
    this.addSql(`drop type "stage_outcome";`);
    this.addSql(`drop type "interview_status";`);
    this.addSql(`drop type "skill_verdict";`);
  }
}
