import { Collection, Entity, Enum, Index, ManyToMany, Property, Unique } from '@mikro-orm/core';
import { QuestionCategory } from '../../../libs/domain';
import { BaseEntity } from '../../common/base.entity';
import { Skill } from './skill.entity';

export interface StarGuidance {
  situation: string;
  task: string;
  action: string;
  result: string;
}

/**
 * A question of the bank. Plans refer to questions rather than copy them, so a wording fix reaches
 * every interviewer; what decides outcomes (stages, rubrics, thresholds) is copied per position.
 */
@Entity()
@Index({ properties: ['category'] })
export class Question extends BaseEntity<'archivedAt'> {
  @Property({ type: 'text', nullable: true })
  @Unique()
  key: string | null = null;

  @Enum({ items: () => QuestionCategory, nativeEnumName: 'question_category' })
  category: QuestionCategory;

  @Property({ type: 'text' }) prompt: string;
  @Property({ type: 'text' }) whatInterviewerWants: string;
  @Property({ type: 'text[]' }) keyPoints: string[];
  @Property({ type: 'text', nullable: true }) goodAnswerExample: string | null;
  @Property({ type: 'text', nullable: true }) badAnswerExample: string | null;
  @Property({ type: 'text[]' }) followUps: string[];
  @Property({ type: 'text[]' }) redFlags: string[];
  /** Behavioral questions: prompts that draw out each part of a STAR answer. */
  @Property({ type: 'jsonb', nullable: true }) star: StarGuidance | null;

  @ManyToMany(() => Skill)
  skills = new Collection<Skill>(this);

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;

  constructor(
    input: Omit<Question, 'skills' | 'id' | 'createdAt' | 'updatedAt' | 'archivedAt' | 'key'> & { key?: string | null },
  ) {
    super();
    this.key = input.key ?? null;
    this.category = input.category;
    this.prompt = input.prompt;
    this.whatInterviewerWants = input.whatInterviewerWants;
    this.keyPoints = input.keyPoints;
    this.goodAnswerExample = input.goodAnswerExample;
    this.badAnswerExample = input.badAnswerExample;
    this.followUps = input.followUps;
    this.redFlags = input.redFlags;
    this.star = input.star;
  }
}
