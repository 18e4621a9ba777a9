import { Migration } from '@mikro-orm/migrations';

export class Migration20261206204100_CandidateVersion extends Migration {
  override async up(): Promise<void> {
    // updateCandidate's optimistic check: an edit names the version it was made on.
    this.addSql(`alter table "candidate" add column "version" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "candidate" drop column "version";`);
  }
}
