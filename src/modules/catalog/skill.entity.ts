import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../common/base.entity';

/** A skill interviews verify (e.g. "Database design"). Shared by all plans. */
@Entity()
export class Skill extends BaseEntity<'archivedAt' | 'description'> {
  /** Stable identifier of built-in data, so seeding can find what it created. */
  @Property({ type: 'text', nullable: true })
  @Unique()
  key: string | null;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text', default: '' })
  description: string = '';

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;

  constructor(input: { name: string; key?: string | null; description?: string }) {
    super();
    this.name = input.name;
    this.key = input.key ?? null;
    this.description = input.description ?? '';
  }
}
