import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { ApplicationStatus, ExperienceLevel } from '../../../libs/domain';
import { BaseEntity } from '../../common/base.entity';
import { PlanStage } from '../catalog';
import { Position } from '../positions';
import { Candidate } from '../candidates';

/** A candidate's application to a position, moving through the position's plan. */
@Entity()
// One application per candidate and position while it is active (ACTIVE or ON_HOLD).
@Index({
  name: 'application_one_active_per_position',
  expression:
    'create unique index "application_one_active_per_position" on "application" ("candidate_id", "position_id") where "status" in (\'ACTIVE\', \'ON_HOLD\')',
})
@Index({ properties: ['position', 'status'] })
// A position's applications page by page, newest first: each page starts where its cursor points
// (see afterCursor), so the last page costs what the first does.
@Index({
  name: 'application_position_page',
  expression: 'create index "application_position_page" on "application" ("position_id", "created_at" desc, "id")',
})
// Analytics: applications of a few positions, the partial weeks at a window's edges, and the exact
// median of decision times (one day of decided applications at a time); see AnalyticsService.
@Index({
  name: 'application_analytics_position',
  expression:
    'create index "application_analytics_position" on "application" ("position_id", "applied_at") include ("experience_level", "status", "decided_at")',
})
@Index({
  name: 'application_analytics_applied_at',
  expression:
    'create index "application_analytics_applied_at" on "application" ("applied_at") include ("position_id", "experience_level", "status", "decided_at")',
})
@Index({
  name: 'application_analytics_decision_day',
  expression:
    'create index "application_analytics_decision_day" on "application" ((floor(analytics_decision_seconds(status, applied_at, decided_at) / 86400)), "applied_at") include ("position_id", "experience_level", "status", "decided_at") where status in (\'HIRED\', \'REJECTED\') and decided_at is not null',
})
export class Application extends BaseEntity<'status' | 'decidedAt' | 'currentStage' | 'version' | 'appliedAt'> {
  @ManyToOne(() => Candidate) candidate: Rel<Candidate>;
  @ManyToOne(() => Position) position: Rel<Position>;
  @Enum({ items: () => ApplicationStatus, nativeEnumName: 'application_status' }) status: ApplicationStatus =
    ApplicationStatus.ACTIVE;
  /** The stage whose visit is open; null once past the last stage or decided. */
  @ManyToOne(() => PlanStage, { nullable: true, deleteRule: 'set null' }) currentStage: Rel<PlanStage> | null = null;
  /** The candidate's experience level when they applied, kept for analytics. */
  @Enum({ items: () => ExperienceLevel, nativeEnumName: 'experience_level' }) experienceLevel: ExperienceLevel;
  @Property({ type: 'timestamptz' }) appliedAt: Date = new Date();
  @Property({ type: 'timestamptz', nullable: true }) decidedAt: Date | null = null;
  /** Increases with every transition; a caller that sends an older one gets CONFLICT. */
  @Property({ type: 'int', version: true }) version: number = 1;

  constructor(input: { candidate: Candidate; position: Position; experienceLevel: ExperienceLevel }) {
    super();
    this.candidate = input.candidate;
    this.position = input.position;
    this.experienceLevel = input.experienceLevel;
  }
}
