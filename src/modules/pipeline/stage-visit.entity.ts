import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { RejectionReason, StageOutcome } from '../../../libs/domain';
import { BaseEntity } from '../../common/base.entity';
import { PlanStage } from '../catalog';
import { User } from '../identity';
import { Application } from './application.entity';

/** One stay of an application in a stage: opened when it enters, closed once with an outcome. */
@Entity()
@Index({ properties: ['application', 'enteredAt'] })
@Index({ properties: ['stage', 'outcome'] })
// Covering index for stage analytics: a stage's visits are read without touching the table.
@Index({
  name: 'stage_visit_stage_analytics',
  expression:
    'create index "stage_visit_stage_analytics" on "stage_visit" ("stage_id") include ("application_id", "outcome", "entered_at", "exited_at")',
})
export class StageVisit extends BaseEntity<'exitedAt' | 'outcome' | 'decidedBy' | 'reason' | 'reasonCode'> {
  @ManyToOne(() => Application, { deleteRule: 'cascade' }) application: Rel<Application>;
  @ManyToOne(() => PlanStage) stage: Rel<PlanStage>;
  @Property({ type: 'timestamptz' }) enteredAt: Date;
  @Property({ type: 'timestamptz', nullable: true }) exitedAt: Date | null = null;
  @Enum({ items: () => StageOutcome, nativeEnumName: 'stage_outcome', nullable: true }) outcome: StageOutcome | null =
    null;
  /** Who closed the visit; null when the system did (an automatic stage decision). */
  @ManyToOne(() => User, { nullable: true }) decidedBy: Rel<User> | null = null;
  @Property({ type: 'text', nullable: true }) reason: string | null = null;
  /** Why the visit FAILED, as a code for reporting; set whenever the outcome is FAILED, null otherwise. */
  @Enum({ items: () => RejectionReason, nativeEnumName: 'rejection_reason', nullable: true })
  reasonCode: RejectionReason | null = null;

  constructor(application: Application, stage: PlanStage, enteredAt: Date) {
    super();
    this.application = application;
    this.stage = stage;
    this.enteredAt = enteredAt;
  }
}
