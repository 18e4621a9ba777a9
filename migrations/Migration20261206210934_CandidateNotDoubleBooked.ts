import { Migration } from '@mikro-orm/migrations';

export class Migration20261206210934_CandidateNotDoubleBooked extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "interview" add column "candidate_id" uuid null;`);
    this.addSql(
      `update "interview" i set "candidate_id" = a."candidate_id" from "application" a where a."id" = i."application_id";`,
    );
    this.addSql(`alter table "interview" alter column "candidate_id" set not null;`);
    this.addSql(
      `alter table "interview" add constraint "interview_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade;`,
    );
    // Writers that name only the application (bulk loads such as the synthetic generator) still get
    // the right candidate; the application decides it, whatever a writer sends.
    this.addSql(`create function interview_candidate_from_application() returns trigger language plpgsql as $$
      begin
        select a.candidate_id into new.candidate_id from application a where a.id = new.application_id;
        return new;
      end $$;`);
    this
      .addSql(`create trigger interview_candidate_from_application before insert or update of application_id, candidate_id
      on "interview" for each row execute function interview_candidate_from_application();`);
    // Fails if two scheduled interviews of one candidate already overlap: cancel or move one first
    // (docs/operations.md).
    this.addSql(
      `alter table "interview" add constraint "interview_no_double_booking_candidate" exclude using gist ("candidate_id" with =, tstzrange("starts_at", "ends_at", '[)') with &&) where ("status" = 'SCHEDULED');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "interview" drop constraint "interview_no_double_booking_candidate";`);
    this.addSql(`drop trigger "interview_candidate_from_application" on "interview";`);
    this.addSql(`drop function interview_candidate_from_application();`);
    this.addSql(`alter table "interview" drop constraint "interview_candidate_id_foreign";`);
    this.addSql(`alter table "interview" drop column "candidate_id";`);
  }
}
