import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { SkillVerdict } from '../../../libs/domain';
import { BaseEntity } from '../../common/base.entity';
import { PlanStage, Skill } from '../catalog';
import { Application } from '../pipeline';
import { User } from '../identity';
import { Scorecard } from './scorecard.entity';

/**
 * One verdict on one skill of an application, with the stage it came from. Submitted scorecards
 * write these (scorecards issue); the hire gate reads them.
 */
@Entity()
@Index({ properties: ['application', 'skill'] })
// Saving a scorecard replaces its verdicts: found by scorecard, not by scanning them all.
@Index({ properties: ['scorecard'] })
export class ApplicationSkillVerdict extends BaseEntity<'evidence' | 'scorecard' | 'interviewer'> {
  @ManyToOne(() => Application, { deleteRule: 'cascade' }) application: Rel<Application>;
  @ManyToOne(() => Skill) skill: Rel<Skill>;
  @ManyToOne(() => PlanStage) stage: Rel<PlanStage>;
  @Enum({ items: () => SkillVerdict, nativeEnumName: 'skill_verdict' }) verdict: SkillVerdict;
  @Property({ type: 'text', nullable: true }) evidence: string | null = null;
  /** The submitted scorecard it came from (null only for verdicts recorded another way). */
  @ManyToOne(() => Scorecard, { nullable: true, deleteRule: 'cascade' }) scorecard: Rel<Scorecard> | null = null;
  @ManyToOne(() => User, { nullable: true }) interviewer: Rel<User> | null = null;

  constructor(input: { application: Application; skill: Skill; stage: PlanStage; verdict: SkillVerdict }) {
    super();
    this.application = input.application;
    this.skill = input.skill;
    this.stage = input.stage;
    this.verdict = input.verdict;
  }
}
