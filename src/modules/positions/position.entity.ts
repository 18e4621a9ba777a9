import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { CompanyProfile, ExperienceLevel, PositionStatus } from '../../../libs/domain';
import { BaseEntity } from '../../common/base.entity';
import { InterviewPlan } from '../catalog';
import { User } from '../identity';

@Entity()
@Index({ properties: ['status'] })
export class Position extends BaseEntity<'status' | 'openedAt' | 'closedAt' | 'revision'> {
  @Property({ type: 'text' }) title: string;
  @Enum({ items: () => ExperienceLevel, nativeEnumName: 'experience_level' }) level: ExperienceLevel;
  @Enum({ items: () => CompanyProfile, nativeEnumName: 'company_profile' }) companyProfile: CompanyProfile;
  @Enum({ items: () => PositionStatus, nativeEnumName: 'position_status' }) status: PositionStatus =
    PositionStatus.DRAFT;

  @ManyToOne(() => User) hiringManager: Rel<User>;
  @ManyToMany(() => User, undefined, {
    pivotTable: 'position_recruiter',
    joinColumn: 'position_id',
    inverseJoinColumn: 'user_id',
  })
  recruiters = new Collection<User>(this);

  /** The position's own copy of its plan. */
  @OneToOne(() => InterviewPlan, { owner: true, unique: true }) plan: Rel<InterviewPlan>;

  @Property({ type: 'timestamptz', nullable: true }) openedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) closedAt: Date | null = null;
  @Property({ type: 'int', version: true }) revision: number = 1;

  constructor(input: {
    title: string;
    level: ExperienceLevel;
    companyProfile: CompanyProfile;
    hiringManager: User;
    plan: InterviewPlan;
  }) {
    super();
    this.title = input.title;
    this.level = input.level;
    this.companyProfile = input.companyProfile;
    this.hiringManager = input.hiringManager;
    this.plan = input.plan;
  }
}
