import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Rel } from '@mikro-orm/core';
import { InterviewStatus } from '../../../libs/domain';
import { BaseEntity } from '../../common/base.entity';
import { Candidate } from '../candidates';
import { PlanStage } from '../catalog';
import { Application } from '../pipeline';
import { User } from '../identity';

@Entity()
@Index({ properties: ['application'] })
@Check({ name: 'interview_ends_after_start', expression: 'ends_at > starts_at' })
// No candidate in two overlapping scheduled interviews, whatever their panels (see the migration).
@Index({
  name: 'interview_no_double_booking_candidate',
  expression: `alter table "interview" add constraint "interview_no_double_booking_candidate" exclude using gist ("candidate_id" with =, tstzrange("starts_at", "ends_at", '[)') with &&) where ("status" = 'SCHEDULED')`,
})
export class Interview extends BaseEntity<'status' | 'location' | 'cancelReason' | 'sequence' | 'version'> {
  @ManyToOne(() => Application) application: Rel<Application>;
  /**
   * The application's candidate, repeated here so that an exclusion constraint can refuse two
   * overlapping scheduled interviews of one candidate in the database itself.
   */
  @ManyToOne(() => Candidate) candidate: Rel<Candidate>;
  @ManyToOne(() => PlanStage) stage: Rel<PlanStage>;
  @Property({ type: 'timestamptz' }) startsAt: Date;
  @Property({ type: 'timestamptz' }) endsAt: Date;
  @Property({ type: 'text', nullable: true }) location: string | null = null;
  @Enum({ items: () => InterviewStatus, nativeEnumName: 'interview_status' }) status: InterviewStatus =
    InterviewStatus.SCHEDULED;
  @Property({ type: 'text', nullable: true }) cancelReason: string | null = null;
  /** iCalendar SEQUENCE: increases on every reschedule and on cancellation. */
  @Property({ type: 'int', default: 0 }) sequence: number = 0;
  @Property({ type: 'int', version: true }) version: number = 1;

  @OneToMany(() => InterviewPanelist, (panelist) => panelist.interview)
  panel = new Collection<InterviewPanelist>(this);

  constructor(input: {
    application: Application;
    stage: PlanStage;
    startsAt: Date;
    endsAt: Date;
    location?: string | null;
  }) {
    super();
    this.application = input.application;
    this.candidate = input.application.candidate;
    this.stage = input.stage;
    this.startsAt = input.startsAt;
    this.endsAt = input.endsAt;
    this.location = input.location ?? null;
  }
}

/**
 * An interviewer on an interview's panel. The interview's times are repeated here so that an
 * exclusion constraint (see the migration) can refuse double-booking in the database itself.
 */
@Entity()
@Index({ properties: ['interviewer', 'startsAt'] })
// An interview's panel is read by interview (every interview shown, reminded or scored).
@Index({ properties: ['interview'] })
// No interviewer on two overlapping scheduled interviews; created by the Pipeline migration and
// declared here so schema diffs know it.
@Index({
  name: 'interview_panelist_no_double_booking',
  expression: `alter table "interview_panelist" add constraint "interview_panelist_no_double_booking" exclude using gist ("interviewer_id" with =, tstzrange("starts_at", "ends_at", '[)') with &&) where ("blocks_calendar")`,
})
export class InterviewPanelist extends BaseEntity {
  @ManyToOne(() => Interview, { deleteRule: 'cascade' }) interview: Rel<Interview>;
  @ManyToOne(() => User) interviewer: Rel<User>;
  @Property({ type: 'timestamptz' }) startsAt: Date;
  @Property({ type: 'timestamptz' }) endsAt: Date;
  /** True while the interview is SCHEDULED; only scheduled interviews block the calendar. */
  @Property({ type: 'boolean' }) blocksCalendar: boolean = true;

  constructor(interview: Interview, interviewer: User) {
    super();
    this.interview = interview;
    this.interviewer = interviewer;
    this.startsAt = interview.startsAt;
    this.endsAt = interview.endsAt;
  }
}
