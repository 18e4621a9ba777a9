import {
  Collection,
  Entity,
  Enum,
  Index,
  ManyToMany,
  ManyToOne,
  OneToMany,
  OneToOne,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import { CompanyProfile, ExperienceLevel, SkillPriority, StageKind } from '../../../libs/domain';
import { BaseEntity } from '../../common/base.entity';
import { PracticalTask } from './practical-task.entity';
import { Question } from './question.entity';
import { Skill } from './skill.entity';

export interface ProfileEmphasis {
  extraFocusAreas: string[];
  interviewerWeighs: string[];
  /** Rubric criterion key -> factor applied to its weight. */
  criterionWeightMultipliers: Record<string, number>;
}

/**
 * An ordered list of stages with the skills they verify. Either a template version (templates are
 * never edited in place: an edit makes version + 1) or the private copy a position took.
 */
@Entity()
@Unique({ properties: ['family', 'version'] })
export class InterviewPlan extends BaseEntity<
  'supersededAt' | 'archivedAt' | 'description' | 'benchmarks' | 'builtInKey'
> {
  @Property({ type: 'text' }) name: string;
  @Property({ type: 'text', default: '' }) description: string = '';

  /** All versions of one template share a family; a position's copy has a family of its own. */
  @Property({ type: 'uuid' }) family: string;
  @Property({ type: 'int' }) version: number;
  @Property({ type: 'boolean' }) isTemplate: boolean;

  /** The template version a position's copy was taken from. */
  @ManyToOne(() => InterviewPlan, { nullable: true, deleteRule: 'set null' })
  copiedFrom: Rel<InterviewPlan> | null = null;

  /** Set on a template version once a newer version replaced it. */
  @Property({ type: 'timestamptz', nullable: true }) supersededAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) archivedAt: Date | null = null;

  /** Key of built-in data (e.g. backend-developer), so the seed is idempotent. */
  @Property({ type: 'text', nullable: true }) builtInKey: string | null = null;

  /** Published reference figures (success rates, durations) the plan came with; informational. */
  @Property({ type: 'jsonb', nullable: true }) benchmarks: object | null = null;

  @OneToMany(() => PlanStage, (stage) => stage.plan, { orderBy: { order: 'asc' } })
  stages = new Collection<PlanStage>(this);

  @OneToMany(() => SkillRequirement, (requirement) => requirement.plan, { orderBy: { position: 'asc' } })
  skillRequirements = new Collection<SkillRequirement>(this);

  constructor(input: { name: string; family: string; version: number; isTemplate: boolean; description?: string }) {
    super();
    this.name = input.name;
    this.family = input.family;
    this.version = input.version;
    this.isTemplate = input.isTemplate;
    this.description = input.description ?? '';
  }
}

@Entity()
@Index({ properties: ['plan', 'order'] })
export class PlanStage extends BaseEntity<
  'interviewerWeighs' | 'profileEmphasis' | 'revision' | 'slaDays' | 'requiredFromLevel'
> {
  @ManyToOne(() => InterviewPlan, { deleteRule: 'cascade' }) plan: Rel<InterviewPlan>;
  /** Stable within a plan and its copies; links skill requirements and profile emphasis. */
  @Property({ type: 'text' }) key: string;
  @Enum({ items: () => StageKind, nativeEnumName: 'stage_kind' }) kind: StageKind;
  @Property({ type: 'text' }) name: string;
  @Property({ type: 'int' }) order: number;
  @Property({ type: 'text[]' }) focusAreas: string[];
  @Property({ type: 'text[]' }) participants: string[];
  @Property({ type: 'text[]' }) successCriteria: string[];
  @Property({ type: 'text[]' }) preparationTips: string[];
  @Property({ type: 'int' }) durationMinutes: number;
  @Property({ type: 'int' }) feedbackDueHours: number;
  /** Days an application may stay in this stage without an interview or a decision; null: STAGE_SLA_DAYS. */
  @Property({ type: 'int', nullable: true }) slaDays: number | null = null;
  @Property({ type: 'boolean' }) autoAdvance: boolean;
  @Property({ type: 'double precision', nullable: true }) passThreshold: number | null;
  /** Required from this experience level up, skipped for positions below it; null: every level. */
  @Enum({ items: () => ExperienceLevel, nativeEnumName: 'experience_level', nullable: true })
  requiredFromLevel: ExperienceLevel | null = null;
  /** What interviewers should weigh most for the position's company profile. */
  @Property({ type: 'text[]', default: '{}' }) interviewerWeighs: string[] = [];
  /** Templates only: how each company profile changes this stage when a position copies it. */
  @Property({ type: 'jsonb', nullable: true }) profileEmphasis: Partial<
    Record<CompanyProfile, ProfileEmphasis>
  > | null = null;

  @OneToOne(() => Rubric, (rubric) => rubric.stage, { nullable: true })
  rubric: Rel<Rubric> | null = null;

  @OneToMany(() => PlanStageQuestion, (link) => link.stage, { orderBy: { position: 'asc' } })
  questionLinks = new Collection<PlanStageQuestion>(this);

  @ManyToOne(() => PracticalTask, { nullable: true, deleteRule: 'set null' })
  practicalTask: Rel<PracticalTask> | null = null;

  /** Optimistic lock: an update naming an older revision is refused with CONFLICT. */
  @Property({ type: 'int', version: true }) revision: number = 1;

  constructor(
    input: Omit<
      PlanStage,
      | keyof BaseEntity
      | 'rubric'
      | 'questionLinks'
      | 'practicalTask'
      | 'revision'
      | 'interviewerWeighs'
      | 'profileEmphasis'
      | 'slaDays'
      | 'requiredFromLevel'
      | 'createdAt'
      | 'updatedAt'
    >,
  ) {
    super();
    this.plan = input.plan;
    this.key = input.key;
    this.kind = input.kind;
    this.name = input.name;
    this.order = input.order;
    this.focusAreas = input.focusAreas;
    this.participants = input.participants;
    this.successCriteria = input.successCriteria;
    this.preparationTips = input.preparationTips;
    this.durationMinutes = input.durationMinutes;
    this.feedbackDueHours = input.feedbackDueHours;
    this.autoAdvance = input.autoAdvance;
    this.passThreshold = input.passThreshold;
  }
}

@Entity()
export class Rubric extends BaseEntity {
  @OneToOne(() => PlanStage, (stage) => stage.rubric, { owner: true, deleteRule: 'cascade', unique: true })
  stage: Rel<PlanStage>;
  @Property({ type: 'text' }) name: string;
  @Property({ type: 'int' }) scaleMin: number;
  @Property({ type: 'int' }) scaleMax: number;

  @OneToMany(() => RubricCriterion, (criterion) => criterion.rubric, { orderBy: { position: 'asc' } })
  criteria = new Collection<RubricCriterion>(this);

  constructor(input: { stage: PlanStage; name: string; scaleMin: number; scaleMax: number }) {
    super();
    this.stage = input.stage;
    this.name = input.name;
    this.scaleMin = input.scaleMin;
    this.scaleMax = input.scaleMax;
  }
}

export interface RubricLevel {
  score: number;
  label: string;
  description: string;
}

@Entity()
export class RubricCriterion extends BaseEntity {
  @ManyToOne(() => Rubric, { deleteRule: 'cascade' }) rubric: Rel<Rubric>;
  @Property({ type: 'text' }) key: string;
  @Property({ type: 'int' }) position: number;
  @Property({ type: 'text' }) name: string;
  @Property({ type: 'text' }) description: string;
  @Property({ type: 'double precision' }) weight: number;
  /** Anchored levels, one per score of the rubric's scale, lowest first. */
  @Property({ type: 'jsonb' }) levels: RubricLevel[];
  /** The stage's success criteria this criterion judges. */
  @Property({ type: 'text[]' }) covers: string[];

  constructor(input: Omit<RubricCriterion, keyof BaseEntity | 'createdAt' | 'updatedAt'>) {
    super();
    this.rubric = input.rubric;
    this.key = input.key;
    this.position = input.position;
    this.name = input.name;
    this.description = input.description;
    this.weight = input.weight;
    this.levels = input.levels;
    this.covers = input.covers;
  }
}

/** A question asked in a stage, in order. */
@Entity()
@Unique({ properties: ['stage', 'question'] })
export class PlanStageQuestion extends BaseEntity {
  @ManyToOne(() => PlanStage, { deleteRule: 'cascade' }) stage: Rel<PlanStage>;
  @ManyToOne(() => Question) question: Rel<Question>;
  @Property({ type: 'int' }) position: number;

  constructor(stage: PlanStage, question: Question, position: number) {
    super();
    this.stage = stage;
    this.question = question;
    this.position = position;
  }
}

/** A skill the plan must (or should) verify, how, and in which stages. */
@Entity()
@Unique({ properties: ['plan', 'skill'] })
export class SkillRequirement extends BaseEntity {
  @ManyToOne(() => InterviewPlan, { deleteRule: 'cascade' }) plan: Rel<InterviewPlan>;
  @ManyToOne(() => Skill) skill: Rel<Skill>;
  @Property({ type: 'int' }) position: number;
  @Enum({ items: () => SkillPriority, nativeEnumName: 'skill_priority' }) priority: SkillPriority;
  @Property({ type: 'text' }) verificationMethod: string;
  @Property({ type: 'text', nullable: true }) minimumRequirement: string | null;
  @Property({ type: 'text[]' }) evaluationCriteria: string[];

  @ManyToMany(() => PlanStage)
  verifiedIn = new Collection<PlanStage>(this);

  constructor(input: Omit<SkillRequirement, keyof BaseEntity | 'verifiedIn' | 'createdAt' | 'updatedAt'>) {
    super();
    this.plan = input.plan;
    this.skill = input.skill;
    this.position = input.position;
    this.priority = input.priority;
    this.verificationMethod = input.verificationMethod;
    this.minimumRequirement = input.minimumRequirement;
    this.evaluationCriteria = input.evaluationCriteria;
  }
}
