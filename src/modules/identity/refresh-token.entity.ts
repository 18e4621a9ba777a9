import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../common/base.entity';
import { User } from './user.entity';

/**
 * One issued refresh token. Only its SHA-256 is stored. Rotation keeps tokens of one login in a
 * family: presenting a token that was already rotated revokes the whole family (token theft).
 */
@Entity()
@Index({ properties: ['family'] })
export class RefreshToken extends BaseEntity<'revokedAt' | 'rotatedAt'> {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user: User;

  @Property({ type: 'uuid' })
  family: string;

  @Property({ type: 'text' })
  @Unique()
  tokenHash: string;

  @Property({ type: 'timestamptz' })
  expiresAt: Date;

  /** Set when this token was exchanged for a new one. */
  @Property({ type: 'timestamptz', nullable: true })
  rotatedAt: Date | null = null;

  /** Set on logout, reuse detection or when the user is deactivated. */
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  constructor(input: { user: User; family: string; tokenHash: string; expiresAt: Date }) {
    super();
    this.user = input.user;
    this.family = input.family;
    this.tokenHash = input.tokenHash;
    this.expiresAt = input.expiresAt;
  }
}
