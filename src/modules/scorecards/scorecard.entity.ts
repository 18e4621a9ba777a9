import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { Recommendation, ScorecardStatus, SkillVerdict } from '../../../libs/domain';
import { BaseEntity } from '../../common/base.entity';
import { User } from '../identity';
import { Interview } from '../scheduling';

export interface StoredRating {
  criterionId: string;
  score: number;
  evidence: string | null;
}

/** A question of the stage's list, as asked in this interview, scored on the rubric's scale. */
export interface StoredQuestionRating {
  questionId: string;
  score: number;
  note: string | null;
}

export interface StoredSkillVerdict {
  skillId: string;
  verdict: SkillVerdict;
  evidence: string | null;
}

/** One interviewer's assessment of one interview against the stage's rubric. */
@Entity()
@Unique({ properties: ['interview', 'interviewer'] })
@Index({ properties: ['interviewer', 'status'] })
export class Scorecard extends BaseEntity<
  | 'status'
  | 'ratings'
  | 'questionRatings'
  | 'skillVerdicts'
  | 'redFlags'
  | 'recommendation'
  | 'notes'
  | 'submittedAt'
  | 'weightedScore'
  | 'version'
> {
  @ManyToOne(() => Interview) interview: Rel<Interview>;
  @ManyToOne(() => User) interviewer: Rel<User>;
  @Enum({ items: () => ScorecardStatus, nativeEnumName: 'scorecard_status' }) status: ScorecardStatus =
    ScorecardStatus.DRAFT;
  @Property({ type: 'jsonb' }) ratings: StoredRating[] = [];
  /** Per-question scores, for comparing how well questions separate passed from failed candidates. */
  @Property({ type: 'jsonb', default: '[]' }) questionRatings: StoredQuestionRating[] = [];
  @Property({ type: 'jsonb' }) skillVerdicts: StoredSkillVerdict[] = [];
  @Property({ type: 'text[]' }) redFlags: string[] = [];
  @Enum({ items: () => Recommendation, nativeEnumName: 'recommendation', nullable: true })
  recommendation: Recommendation | null = null;
  @Property({ type: 'text', nullable: true }) notes: string | null = null;
  /** Interview end + the stage's feedbackDueHours. */
  @Property({ type: 'timestamptz' }) dueAt: Date;
  @Property({ type: 'timestamptz', nullable: true }) submittedAt: Date | null = null;
  /** Weighted rubric score, fixed at submission (and amendment) for decisions and analytics. */
  @Property({ type: 'double precision', nullable: true }) weightedScore: number | null = null;
  @Property({ type: 'int', version: true }) version: number = 1;

  constructor(interview: Interview, interviewer: User, dueAt: Date) {
    super();
    this.interview = interview;
    this.interviewer = interviewer;
    this.dueAt = dueAt;
  }
}

/** A change to a submitted scorecard: who, why, and what it said before. Append-only. */
@Entity()
@Index({ properties: ['scorecard', 'createdAt'] })
export class ScorecardAmendment extends BaseEntity {
  @ManyToOne(() => Scorecard, { deleteRule: 'cascade' }) scorecard: Rel<Scorecard>;
  @ManyToOne(() => User) author: Rel<User>;
  @Property({ type: 'text' }) reason: string;
  @Property({ type: 'jsonb' }) before: object;

  constructor(scorecard: Scorecard, author: User, reason: string, before: object) {
    super();
    this.scorecard = scorecard;
    this.author = author;
    this.reason = reason;
    this.before = before;
  }
}
