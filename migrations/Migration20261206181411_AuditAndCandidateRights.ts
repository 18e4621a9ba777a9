import { Migration } from '@mikro-orm/migrations';

export class Migration20261206181411_AuditAndCandidateRights extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_entry" ("id" uuid not null, "at" timestamptz not null default now(), "actor_id" uuid null, "action" text not null, "target_type" text not null, "target_id" text null, "outcome" text not null, "request_id" text null, "ip" text null, "fields" text[] not null default '{}', constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_entry_target_id_at_index" on "audit_entry" ("target_id", "at");`);
    this.addSql(`create index "audit_entry_actor_id_at_index" on "audit_entry" ("actor_id", "at");`);
    this.addSql(`create index "audit_entry_at_id_index" on "audit_entry" ("at", "id");`);

    this.addSql(
      `alter table "candidate" add column "erased_at" timestamptz null, add column "consent_renewed_at" timestamptz null, add column "retain_until" timestamptz null;`,
    );

    // Append-only, enforced by the database whatever the application does: UPDATE and DELETE fail.
    this.addSql(`create function audit_entry_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger audit_entry_append_only before update or delete on "audit_entry"
      for each row execute function audit_entry_append_only();`);
    // The nightly retention job looks up candidates past their date.
    this.addSql(`create index "candidate_retain_until_due" on "candidate" ("retain_until") where "erased_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop function if exists audit_entry_append_only();`);
    this.addSql(`drop index if exists "candidate_retain_until_due";`);

    this.addSql(
      `alter table "candidate" drop column "erased_at", drop column "consent_renewed_at", drop column "retain_until";`,
    );
  }
}
