import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A secret the service made for itself, by name. Outside production, when JWT_ACCESS_SECRET is not
 * set, the first process to start stores a random access-token secret here and every process of
 * the deployment reads it (src/config/generated-secrets.ts), so no secret comes from the source.
 */
@Entity()
export class GeneratedSecret {
  @PrimaryKey({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  value: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(name: string, value: string) {
    this.name = name;
    this.value = value;
  }
}
