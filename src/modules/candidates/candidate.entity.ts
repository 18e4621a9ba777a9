import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { ExperienceLevel } from '../../../libs/domain';
import { BaseEntity } from '../../common/base.entity';

@Entity()
// Trigram indexes make the search fast at any size (pg_trgm): the name alone, for callers who may not
// see e-mails, and the name and e-mail joined by a line break, for the others (CandidatesService.matching;
// its statistics target is raised in the migration so that the planner estimates terms well).
@Index({
  name: 'candidate_name_trgm',
  expression: 'create index "candidate_name_trgm" on "candidate" using gin ("name" gin_trgm_ops)',
})
@Index({
  name: 'candidate_search_trgm',
  expression:
    'create index "candidate_search_trgm" on "candidate" using gin (("name" || E\'\\n\' || "email") gin_trgm_ops)',
})
@Index({ properties: ['createdAt', 'id'] })
// The retention sweep's lookup of candidates past their date.
@Index({
  name: 'candidate_retain_until_due',
  expression:
    'create index if not exists "candidate_retain_until_due" on "candidate" ("retain_until") where "erased_at" is null',
})
export class Candidate extends BaseEntity<
  | 'tags'
  | 'notes'
  | 'phone'
  | 'experienceYears'
  | 'source'
  | 'erasedAt'
  | 'consentRenewedAt'
  | 'retainUntil'
  | 'version'
> {
  @Property({ type: 'text' }) name: string;
  /** Stored lower-cased: unique case-insensitively. */
  @Property({ type: 'text' }) @Unique() email: string;
  @Property({ type: 'text', nullable: true }) phone: string | null = null;
  @Property({ type: 'double precision', nullable: true }) experienceYears: number | null = null;
  @Enum({ items: () => ExperienceLevel, nativeEnumName: 'experience_level' }) experienceLevel: ExperienceLevel;
  @Property({ type: 'text', nullable: true }) source: string | null = null;
  @Property({ type: 'text[]', default: '{}' }) tags: string[] = [];
  @Property({ type: 'text', nullable: true }) notes: string | null = null;
  /** Set when the personal data was erased (on request or at the retention date): irreversible. */
  @Property({ type: 'timestamptz', nullable: true }) erasedAt: Date | null = null;
  /** The candidate last renewed their consent to be kept on file. */
  @Property({ type: 'timestamptz', nullable: true }) consentRenewedAt: Date | null = null;
  /**
   * When the personal data is anonymised: RETENTION_MONTHS after the last decision or consent
   * renewal, whichever is later; null while no application is decided (docs/domain.md#retention).
   */
  @Property({ type: 'timestamptz', nullable: true }) retainUntil: Date | null = null;
  /**
   * Increases with every edit through updateCandidate (not with bookkeeping such as retainUntil), so
   * that an edit made on a stale copy is refused instead of overwriting someone else's.
   */
  @Property({ type: 'int', default: 1 }) version: number = 1;

  constructor(input: { name: string; email: string; experienceLevel: ExperienceLevel }) {
    super();
    this.name = input.name;
    this.email = input.email;
    this.experienceLevel = input.experienceLevel;
  }
}
