import { Entity, Enum, Index, ManyToOne, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { RejectionReason, StageDecisionOutcome } from '../../../libs/domain';
import { BaseEntity } from '../../common/base.entity';
import { PlanStage } from '../catalog';
import { Application } from './application.entity';
import { StageVisit } from './stage-visit.entity';

/**
 * The computed recommendation for one stage visit, once the whole panel has submitted. At most one
 * per visit; recomputed while not applied (an amended scorecard), never after.
 */
@Entity()
// An application's decisions are read by application (its page, the board, the hire gate).
@Index({ properties: ['application'] })
export class StageDecision extends BaseEntity<'appliedAt' | 'outcomeApplied' | 'reasonCode'> {
  @OneToOne(() => StageVisit, { owner: true, unique: true, deleteRule: 'cascade' }) visit: Rel<StageVisit>;
  @ManyToOne(() => Application, { deleteRule: 'cascade' }) application: Rel<Application>;
  @ManyToOne(() => PlanStage) stage: Rel<PlanStage>;
  @Enum({ items: () => StageDecisionOutcome, nativeEnumName: 'stage_decision_outcome' }) outcome: StageDecisionOutcome;
  @Property({ type: 'double precision' }) average: number;
  @Property({ type: 'text[]' }) reasons: string[];
  /** The failing condition that names a FAILED decision; the visit gets it when the decision is carried out. */
  @Enum({ items: () => RejectionReason, nativeEnumName: 'rejection_reason', nullable: true })
  reasonCode: RejectionReason | null = null;
  /** Whether the stage advances by itself (copied from the stage when decided). */
  @Property({ type: 'boolean' }) automatic: boolean;
  /** When the decision was carried out on the application (by the job, or when a person acted). */
  @Property({ type: 'timestamptz', nullable: true }) appliedAt: Date | null = null;
  /** False when a person acted differently before the job ran (the decision was only advice). */
  @Property({ type: 'boolean', nullable: true }) outcomeApplied: boolean | null = null;

  constructor(input: {
    visit: StageVisit;
    application: Application;
    stage: PlanStage;
    outcome: StageDecisionOutcome;
    average: number;
    reasons: string[];
    automatic: boolean;
  }) {
    super();
    this.visit = input.visit;
    this.application = input.application;
    this.stage = input.stage;
    this.outcome = input.outcome;
    this.average = input.average;
    this.reasons = input.reasons;
    this.automatic = input.automatic;
  }
}
