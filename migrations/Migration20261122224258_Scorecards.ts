import { Migration } from '@mikro-orm/migrations';

export class Migration20261122224258_Scorecards extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "stage_decision_outcome" as enum ('PASSED', 'FAILED');`);
    this.addSql(`create type "scorecard_status" as enum ('DRAFT', 'SUBMITTED');`);
    this.addSql(`create type "recommendation" as enum ('STRONG_NO', 'NO', 'YES', 'STRONG_YES');`);
    this.addSql(
      `create table "stage_decision" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "visit_id" uuid not null, "application_id" uuid not null, "stage_id" uuid not null, "outcome" "stage_decision_outcome" not null, "average" double precision not null, "reasons" text[] not null, "automatic" boolean not null, "applied_at" timestamptz null, "outcome_applied" boolean null, constraint "stage_decision_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "stage_decision" add constraint "stage_decision_visit_id_unique" unique ("visit_id");`);

    this.addSql(
      `create table "scorecard" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "interview_id" uuid not null, "interviewer_id" uuid not null, "status" "scorecard_status" not null default 'DRAFT', "ratings" jsonb not null, "skill_verdicts" jsonb not null, "red_flags" text[] not null, "recommendation" "recommendation" null, "notes" text null, "due_at" timestamptz not null, "submitted_at" timestamptz null, "weighted_score" double precision null, "version" int not null default 1, constraint "scorecard_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "scorecard_interviewer_id_status_index" on "scorecard" ("interviewer_id", "status");`);
    this.addSql(
      `alter table "scorecard" add constraint "scorecard_interview_id_interviewer_id_unique" unique ("interview_id", "interviewer_id");`,
    );

    this.addSql(
      `create table "scorecard_amendment" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "scorecard_id" uuid not null, "author_id" uuid not null, "reason" text not null, "before" jsonb not null, constraint "scorecard_amendment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "scorecard_amendment_scorecard_id_created_at_index" on "scorecard_amendment" ("scorecard_id", "created_at");`,
    );

    this.addSql(
      `create table "notification" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_id" uuid not null, "key" text not null, "kind" text not null, "subject" text not null, "body" text not null, "link" text null, "read_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "notification" add constraint "notification_key_unique" unique ("key");`);
    this.addSql(
      `create index "notification_user_id_read_at_created_at_index" on "notification" ("user_id", "read_at", "created_at");`,
    );

    this.addSql(
      `alter table "stage_decision" add constraint "stage_decision_visit_id_foreign" foreign key ("visit_id") references "stage_visit" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "stage_decision" add constraint "stage_decision_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "stage_decision" add constraint "stage_decision_stage_id_foreign" foreign key ("stage_id") references "plan_stage" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "scorecard" add constraint "scorecard_interview_id_foreign" foreign key ("interview_id") references "interview" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "scorecard" add constraint "scorecard_interviewer_id_foreign" foreign key ("interviewer_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "scorecard_amendment" add constraint "scorecard_amendment_scorecard_id_foreign" foreign key ("scorecard_id") references "scorecard" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "scorecard_amendment" add constraint "scorecard_amendment_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "notification" add constraint "notification_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "application_skill_verdict" add column "scorecard_id" uuid null, add column "interviewer_id" uuid null;`,
    );
    this.addSql(
      `alter table "application_skill_verdict" add constraint "application_skill_verdict_scorecard_id_foreign" foreign key ("scorecard_id") references "scorecard" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "application_skill_verdict" add constraint "application_skill_verdict_interviewer_id_foreign" foreign key ("interviewer_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "scorecard_amendment" drop constraint "scorecard_amendment_scorecard_id_foreign";`);

    this.addSql(
      `alter table "application_skill_verdict" drop constraint "application_skill_verdict_scorecard_id_foreign";`,
    );

    this.addSql(`drop table if exists "stage_decision" cascade;`);

    this.addSql(`drop table if exists "scorecard" cascade;`);

    this.addSql(`drop table if exists "scorecard_amendment" cascade;`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(
      `alter table "application_skill_verdict" drop constraint "application_skill_verdict_interviewer_id_foreign";`,
    );

    this.addSql(`alter table "application_skill_verdict" drop column "scorecard_id", drop column "interviewer_id";`);

    this.addSql(`drop type "stage_decision_outcome";`);
    this.addSql(`drop type "scorecard_status";`);
    this.addSql(`drop type "recommendation";`);
  }
}
