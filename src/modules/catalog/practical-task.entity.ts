import { Collection, Entity, Enum, ManyToMany, Property, Unique } from '@mikro-orm/core';
import { StageKind } from '../../../libs/domain';
import { BaseEntity } from '../../common/base.entity';
import { Skill } from './skill.entity';

/** A take-home or live exercise a stage can give. Shared like questions. */
@Entity()
export class PracticalTask extends BaseEntity<'archivedAt' | 'stageKinds'> {
  @Property({ type: 'text', nullable: true })
  @Unique()
  key: string | null = null;

  @Property({ type: 'text' }) title: string;
  @Property({ type: 'text' }) description: string;
  @Property({ type: 'double precision' }) minDurationHours: number;
  @Property({ type: 'double precision' }) maxDurationHours: number;
  @Property({ type: 'text[]' }) requirements: string[];
  @Property({ type: 'text[]' }) deliverables: string[];
  @Property({ type: 'text[]' }) evaluationCriteria: string[];
  @Property({ type: 'text[]' }) commonMistakes: string[];
  @Property({ type: 'text[]' }) tips: string[];
  /** The kinds of stage the task suits; `practicalTasks(stageKind:)` filters on it. */
  @Enum({ items: () => StageKind, array: true, nativeEnumName: 'stage_kind', defaultRaw: "'{}'" })
  stageKinds: StageKind[] = [];
  /** The skills the task exercises; `practicalTasks(skillId:)` filters on it. */
  @ManyToMany(() => Skill)
  skills = new Collection<Skill>(this);

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;

  constructor(
    input: Omit<PracticalTask, 'id' | 'createdAt' | 'updatedAt' | 'archivedAt' | 'key' | 'stageKinds' | 'skills'> & {
      key?: string | null;
      stageKinds?: StageKind[];
    },
  ) {
    super();
    this.key = input.key ?? null;
    this.title = input.title;
    this.description = input.description;
    this.minDurationHours = input.minDurationHours;
    this.maxDurationHours = input.maxDurationHours;
    this.requirements = input.requirements;
    this.deliverables = input.deliverables;
    this.evaluationCriteria = input.evaluationCriteria;
    this.commonMistakes = input.commonMistakes;
    this.tips = input.tips;
    this.stageKinds = input.stageKinds ?? [];
  }
}
