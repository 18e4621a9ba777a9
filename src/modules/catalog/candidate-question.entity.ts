import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { StageKind } from '../../../libs/domain';
import { BaseEntity } from '../../common/base.entity';

/** A question candidates tend to ask the team, with guidance so interviewers can answer well. */
@Entity()
export class CandidateQuestion extends BaseEntity {
  @Property({ type: 'text', nullable: true })
  @Unique()
  key: string | null = null;

  @Property({ type: 'text' }) prompt: string;
  @Enum({ items: () => StageKind, array: true, nativeEnumName: 'stage_kind' }) stageKinds: StageKind[];
  @Property({ type: 'text' }) answerGuidance: string;

  constructor(input: { key?: string | null; prompt: string; stageKinds: StageKind[]; answerGuidance: string }) {
    super();
    this.key = input.key ?? null;
    this.prompt = input.prompt;
    this.stageKinds = input.stageKinds;
    this.answerGuidance = input.answerGuidance;
  }
}
