import { Migration } from '@mikro-orm/migrations';

export class Migration20261122220901_Catalog extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "stage_kind" as enum ('HR_SCREEN', 'TECHNICAL', 'SYSTEM_DESIGN', 'CODING_CHALLENGE', 'BEHAVIORAL', 'FINAL', 'CUSTOM');`,
    );
    this.addSql(
      `create type "question_category" as enum ('HR', 'BEHAVIORAL', 'MOTIVATION', 'TECHNICAL_BASIC', 'TECHNICAL_ADVANCED', 'SYSTEM_DESIGN');`,
    );
    this.addSql(`create type "skill_priority" as enum ('MUST_VERIFY', 'GOOD_TO_VERIFY');`);
    this.addSql(`create type "experience_level" as enum ('JUNIOR', 'MID', 'SENIOR', 'STAFF');`);
    this.addSql(`create type "company_profile" as enum ('STARTUP', 'ENTERPRISE', 'AGENCY');`);
    this.addSql(`create type "position_status" as enum ('DRAFT', 'OPEN', 'CLOSED');`);
    this.addSql(
      `create table "candidate_question" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "key" text null, "prompt" text not null, "stage_kinds" "stage_kind"[] not null, "answer_guidance" text not null, constraint "candidate_question_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "candidate_question" add constraint "candidate_question_key_unique" unique ("key");`);

    this.addSql(
      `create table "interview_plan" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "description" text not null default '', "family" uuid not null, "version" int not null, "is_template" boolean not null, "copied_from_id" uuid null, "superseded_at" timestamptz null, "archived_at" timestamptz null, "built_in_key" text null, "benchmarks" jsonb null, constraint "interview_plan_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "interview_plan" add constraint "interview_plan_family_version_unique" unique ("family", "version");`,
    );

    this.addSql(
      `create table "practical_task" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "key" text null, "title" text not null, "description" text not null, "min_duration_hours" double precision not null, "max_duration_hours" double precision not null, "requirements" text[] not null, "deliverables" text[] not null, "evaluation_criteria" text[] not null, "common_mistakes" text[] not null, "tips" text[] not null, "archived_at" timestamptz null, constraint "practical_task_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "practical_task" add constraint "practical_task_key_unique" unique ("key");`);

    this.addSql(
      `create table "plan_stage" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "plan_id" uuid not null, "key" text not null, "kind" "stage_kind" not null, "name" text not null, "order" int not null, "focus_areas" text[] not null, "participants" text[] not null, "success_criteria" text[] not null, "preparation_tips" text[] not null, "duration_minutes" int not null, "feedback_due_hours" int not null, "auto_advance" boolean not null, "pass_threshold" double precision null, "interviewer_weighs" text[] not null default '{}', "profile_emphasis" jsonb null, "practical_task_id" uuid null, "revision" int not null default 1, constraint "plan_stage_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "plan_stage_plan_id_order_index" on "plan_stage" ("plan_id", "order");`);

    this.addSql(
      `create table "question" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "key" text null, "category" "question_category" not null, "prompt" text not null, "what_interviewer_wants" text not null, "key_points" text[] not null, "good_answer_example" text null, "bad_answer_example" text null, "follow_ups" text[] not null, "red_flags" text[] not null, "star" jsonb null, "archived_at" timestamptz null, constraint "question_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "question" add constraint "question_key_unique" unique ("key");`);
    this.addSql(`create index "question_category_index" on "question" ("category");`);

    this.addSql(
      `create table "plan_stage_question" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "stage_id" uuid not null, "question_id" uuid not null, "position" int not null, constraint "plan_stage_question_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "plan_stage_question" add constraint "plan_stage_question_stage_id_question_id_unique" unique ("stage_id", "question_id");`,
    );

    this.addSql(
      `create table "rubric" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "stage_id" uuid not null, "name" text not null, "scale_min" int not null, "scale_max" int not null, constraint "rubric_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "rubric" add constraint "rubric_stage_id_unique" unique ("stage_id");`);

    this.addSql(
      `create table "rubric_criterion" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "rubric_id" uuid not null, "key" text not null, "position" int not null, "name" text not null, "description" text not null, "weight" double precision not null, "levels" jsonb not null, "covers" text[] not null, constraint "rubric_criterion_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "skill" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "key" text null, "name" text not null, "description" text not null default '', "archived_at" timestamptz null, constraint "skill_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "skill" add constraint "skill_key_unique" unique ("key");`);

    this.addSql(
      `create table "question_skills" ("question_id" uuid not null, "skill_id" uuid not null, constraint "question_skills_pkey" primary key ("question_id", "skill_id"));`,
    );

    this.addSql(
      `create table "skill_requirement" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "plan_id" uuid not null, "skill_id" uuid not null, "position" int not null, "priority" "skill_priority" not null, "verification_method" text not null, "minimum_requirement" text null, "evaluation_criteria" text[] not null, constraint "skill_requirement_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "skill_requirement" add constraint "skill_requirement_plan_id_skill_id_unique" unique ("plan_id", "skill_id");`,
    );

    this.addSql(
      `create table "skill_requirement_verified_in" ("skill_requirement_id" uuid not null, "plan_stage_id" uuid not null, constraint "skill_requirement_verified_in_pkey" primary key ("skill_requirement_id", "plan_stage_id"));`,
    );

    this.addSql(
      `create table "position" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "title" text not null, "level" "experience_level" not null, "company_profile" "company_profile" not null, "status" "position_status" not null, "hiring_manager_id" uuid not null, "plan_id" uuid not null, "opened_at" timestamptz null, "closed_at" timestamptz null, "revision" int not null default 1, constraint "position_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "position" add constraint "position_plan_id_unique" unique ("plan_id");`);
    this.addSql(`create index "position_status_index" on "position" ("status");`);

    this.addSql(
      `create table "position_recruiter" ("position_id" uuid not null, "user_id" uuid not null, constraint "position_recruiter_pkey" primary key ("position_id", "user_id"));`,
    );

    this.addSql(
      `alter table "interview_plan" add constraint "interview_plan_copied_from_id_foreign" foreign key ("copied_from_id") references "interview_plan" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "plan_stage" add constraint "plan_stage_plan_id_foreign" foreign key ("plan_id") references "interview_plan" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "plan_stage" add constraint "plan_stage_practical_task_id_foreign" foreign key ("practical_task_id") references "practical_task" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "plan_stage_question" add constraint "plan_stage_question_stage_id_foreign" foreign key ("stage_id") references "plan_stage" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "plan_stage_question" add constraint "plan_stage_question_question_id_foreign" foreign key ("question_id") references "question" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "rubric" add constraint "rubric_stage_id_foreign" foreign key ("stage_id") references "plan_stage" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "rubric_criterion" add constraint "rubric_criterion_rubric_id_foreign" foreign key ("rubric_id") references "rubric" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "question_skills" add constraint "question_skills_question_id_foreign" foreign key ("question_id") references "question" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "question_skills" add constraint "question_skills_skill_id_foreign" foreign key ("skill_id") references "skill" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "skill_requirement" add constraint "skill_requirement_plan_id_foreign" foreign key ("plan_id") references "interview_plan" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "skill_requirement" add constraint "skill_requirement_skill_id_foreign" foreign key ("skill_id") references "skill" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "skill_requirement_verified_in" add constraint "skill_requirement_verified_in_skill_requirement_id_foreign" foreign key ("skill_requirement_id") references "skill_requirement" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "skill_requirement_verified_in" add constraint "skill_requirement_verified_in_plan_stage_id_foreign" foreign key ("plan_stage_id") references "plan_stage" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "position" add constraint "position_hiring_manager_id_foreign" foreign key ("hiring_manager_id") references "app_user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "position" add constraint "position_plan_id_foreign" foreign key ("plan_id") references "interview_plan" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "position_recruiter" add constraint "position_recruiter_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "position_recruiter" add constraint "position_recruiter_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "interview_plan" drop constraint "interview_plan_copied_from_id_foreign";`);

    this.addSql(`alter table "plan_stage" drop constraint "plan_stage_plan_id_foreign";`);

    this.addSql(`alter table "skill_requirement" drop constraint "skill_requirement_plan_id_foreign";`);

    this.addSql(`alter table "position" drop constraint "position_plan_id_foreign";`);

    this.addSql(`alter table "plan_stage" drop constraint "plan_stage_practical_task_id_foreign";`);

    this.addSql(`alter table "plan_stage_question" drop constraint "plan_stage_question_stage_id_foreign";`);

    this.addSql(`alter table "rubric" drop constraint "rubric_stage_id_foreign";`);

    this.addSql(
      `alter table "skill_requirement_verified_in" drop constraint "skill_requirement_verified_in_plan_stage_id_foreign";`,
    );

    this.addSql(`alter table "plan_stage_question" drop constraint "plan_stage_question_question_id_foreign";`);

    this.addSql(`alter table "question_skills" drop constraint "question_skills_question_id_foreign";`);

    this.addSql(`alter table "rubric_criterion" drop constraint "rubric_criterion_rubric_id_foreign";`);

    this.addSql(`alter table "question_skills" drop constraint "question_skills_skill_id_foreign";`);

    this.addSql(`alter table "skill_requirement" drop constraint "skill_requirement_skill_id_foreign";`);

    this.addSql(
      `alter table "skill_requirement_verified_in" drop constraint "skill_requirement_verified_in_skill_requirement_id_foreign";`,
    );

    this.addSql(`alter table "position_recruiter" drop constraint "position_recruiter_position_id_foreign";`);

    this.addSql(`drop table if exists "candidate_question" cascade;`);

    this.addSql(`drop table if exists "interview_plan" cascade;`);

    this.addSql(`drop table if exists "practical_task" cascade;`);

    this.addSql(`drop table if exists "plan_stage" cascade;`);

    this.addSql(`drop table if exists "question" cascade;`);

    this.addSql(`drop table if exists "plan_stage_question" cascade;`);

    this.addSql(`drop table if exists "rubric" cascade;`);

    this.addSql(`drop table if exists "rubric_criterion" cascade;`);

    this.addSql(`drop table if exists "skill" cascade;`);

    this.addSql(`drop table if exists "question_skills" cascade;`);

    this.addSql(`drop table if exists "skill_requirement" cascade;`);

    this.addSql(`drop table if exists "skill_requirement_verified_in" cascade;`);

    this.addSql(`drop table if exists "position" cascade;`);

    this.addSql(`drop table if exists "position_recruiter" cascade;`);

    this.addSql(`drop type "stage_kind";`);
    this.addSql(`drop type "question_category";`);
    this.addSql(`drop type "skill_priority";`);
    this.addSql(`drop type "experience_level";`);
    this.addSql(`drop type "company_profile";`);
    this.addSql(`drop type "position_status";`);
  }
}
