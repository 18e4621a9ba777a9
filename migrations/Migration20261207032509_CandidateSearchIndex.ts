import { Migration } from '@mikro-orm/migrations';

export class Migration20261207032509_CandidateSearchIndex extends Migration {
  override async up(): Promise<void> {
    // The search of callers who see e-mails is one condition on the name and e-mail joined by a line
    // break (CandidatesService.matching): one index replaces the e-mail's own, which nothing else reads.
    this.addSql(`drop index "candidate_email_trgm";`);

    this.addSql(
      `create index "candidate_search_trgm" on "candidate" using gin (("name" || E'\\n' || "email") gin_trgm_ops);`,
    );

    // A finer histogram of the joined text: with the default (100) the planner overestimated terms
    // such as "ander" threefold and scanned the table for them instead of using the index.
    this.addSql(`alter index "candidate_search_trgm" alter column 1 set statistics 1000;`);
    this.addSql(`analyze "candidate";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "candidate_search_trgm";`);

    this.addSql(`create index "candidate_email_trgm" on "candidate" using gin ("email" gin_trgm_ops);`);
  }
}
