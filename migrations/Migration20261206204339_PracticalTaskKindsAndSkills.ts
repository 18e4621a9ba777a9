import { Migration } from '@mikro-orm/migrations';

export class Migration20261206204339_PracticalTaskKindsAndSkills extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "practical_task_skills" ("practical_task_id" uuid not null, "skill_id" uuid not null, constraint "practical_task_skills_pkey" primary key ("practical_task_id", "skill_id"));`,
    );

    this.addSql(
      `alter table "practical_task_skills" add constraint "practical_task_skills_practical_task_id_foreign" foreign key ("practical_task_id") references "practical_task" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "practical_task_skills" add constraint "practical_task_skills_skill_id_foreign" foreign key ("skill_id") references "skill" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "practical_task" add column "stage_kinds" "stage_kind"[] not null default '{}';`);

    // The built-in tasks loaded before this migration get the kinds and skills their data file now names.
    this.addSql(`update "practical_task" set "stage_kinds" = '{CODING_CHALLENGE}' where "key" = 'task-todo-rest-api';`);
    this.addSql(
      `insert into "practical_task_skills" ("practical_task_id", "skill_id") select t."id", s."id" from "practical_task" t, "skill" s where t."key" = 'task-todo-rest-api' and s."key" in ('backend-development', 'api-design', 'database-management', 'testing-debugging') on conflict do nothing;`,
    );
    this.addSql(
      `update "practical_task" set "stage_kinds" = '{CODING_CHALLENGE,SYSTEM_DESIGN}' where "key" = 'task-ecommerce-schema';`,
    );
    this.addSql(
      `insert into "practical_task_skills" ("practical_task_id", "skill_id") select t."id", s."id" from "practical_task" t, "skill" s where t."key" = 'task-ecommerce-schema' and s."key" in ('database-management', 'system-design') on conflict do nothing;`,
    );
    this.addSql(
      `update "practical_task" set "stage_kinds" = '{CODING_CHALLENGE,TECHNICAL}' where "key" = 'task-slow-query-optimization';`,
    );
    this.addSql(
      `insert into "practical_task_skills" ("practical_task_id", "skill_id") select t."id", s."id" from "practical_task" t, "skill" s where t."key" = 'task-slow-query-optimization' and s."key" in ('database-management') on conflict do nothing;`,
    );
    this.addSql(
      `update "practical_task" set "stage_kinds" = '{CODING_CHALLENGE}' where "key" = 'task-small-application';`,
    );
    this.addSql(
      `insert into "practical_task_skills" ("practical_task_id", "skill_id") select t."id", s."id" from "practical_task" t, "skill" s where t."key" = 'task-small-application' and s."key" in ('backend-development', 'api-design', 'security-practices', 'testing-debugging') on conflict do nothing;`,
    );
    this.addSql(
      `update "practical_task" set "stage_kinds" = '{CODING_CHALLENGE,TECHNICAL}' where "key" = 'task-algorithmic-challenge';`,
    );
    this.addSql(
      `insert into "practical_task_skills" ("practical_task_id", "skill_id") select t."id", s."id" from "practical_task" t, "skill" s where t."key" = 'task-algorithmic-challenge' and s."key" in ('algorithms-data-structures') on conflict do nothing;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "practical_task_skills" cascade;`);

    this.addSql(`alter table "practical_task" drop column "stage_kinds";`);
  }
}
