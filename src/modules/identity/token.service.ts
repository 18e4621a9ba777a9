import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createVerifier } from 'fast-jwt';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { UnauthenticatedException } from '../../common/errors/domain.exception';
import { RefreshToken } from './refresh-token.entity';
import { User } from './user.entity';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
}

interface ActorRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  timezone: string;
}

interface AccessClaims {
  /** The refresh-token family (sign-in) this token was issued in. */
  sid?: string;
  sub: string;
  typ: 'access';
  exp?: number;
}

/** Who issues access tokens and who accepts them; a token made for another service is refused. */
export const ACCESS_TOKEN_ISSUER = 'interview-pipeline';
export const ACCESS_TOKEN_AUDIENCE = 'interview-pipeline-api';
/** Two refreshes with the same token this close together are one client racing itself, not theft. */
export const REFRESH_REUSE_GRACE_MS = 10_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Access tokens (short-lived JWT) and refresh tokens (opaque, stored hashed, rotated on use). */
@Injectable()
export class TokenService {
  /**
   * Checks signature, algorithm, issuer, audience and expiry. A token verified once is remembered
   * (up to 1,000, until it expires), so a client's repeated calls cost no HMAC each.
   */
  private readonly verifyClaims: (token: string) => AccessClaims;

  constructor(
    private readonly jwt: JwtService,
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.verifyClaims = createVerifier({
      key: config.auth.accessSecret,
      algorithms: ['HS256'],
      allowedIss: ACCESS_TOKEN_ISSUER,
      allowedAud: ACCESS_TOKEN_AUDIENCE,
      requiredClaims: ['iss', 'aud', 'sub', 'exp'],
      cache: 1000,
    });
  }

  /** Starts a new token family (a login). */
  async issue(user: User, em: EntityManager = this.em): Promise<IssuedTokens> {
    return this.issueInFamily(user, randomUUID(), em);
  }

  /**
   * The actor of a valid access token. The user is read again so that a deactivated user or a
   * changed role takes effect at once, not when the token expires.
   */
  async verifyAccessToken(token: string): Promise<Actor> {
    let claims: AccessClaims;
    try {
      claims = this.verifyClaims(token);
    } catch {
      throw new UnauthenticatedException('The access token is invalid or expired: refresh it or sign in again.');
    }
    if (claims.typ !== 'access') throw new UnauthenticatedException('This is not an access token.');
    // A token that never expires, or whose subject is not one of our ids, was not made by us.
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || !UUID.test(claims.sub)) {
      throw new UnauthenticatedException('The access token is invalid or expired: refresh it or sign in again.');
    }
    // One lean statement, no entity: the guard and the resolvers of the request share what it read.
    const [user] = await this.em
      .getConnection()
      .execute<ActorRow[]>(
        'select id, email, name, roles::text[] as roles, timezone from app_user where id = ? and deactivated_at is null',
        [claims.sub],
      );
    if (!user) throw new UnauthenticatedException('This account no longer exists or was deactivated.');
    return {
      kind: 'user',
      userId: user.id,
      roles: user.roles,
      sessionId: typeof claims.sid === 'string' ? claims.sid : null,
      user,
    };
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already exchanged is evidence of
   * theft: its whole family is revoked and the caller must sign in again. Except within
   * REFRESH_REUSE_GRACE_MS of its exchange: two tabs refreshing at once each get a pair.
   */
  async rotate(refreshToken: string): Promise<{ user: User; tokens: IssuedTokens }> {
    const now = new Date();
    const outcome = await this.em.fork().transactional(async (em) => {
      const stored = await em.findOne(
        RefreshToken,
        { tokenHash: sha256(refreshToken) },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!stored || stored.revokedAt || stored.expiresAt <= now) return { kind: 'invalid' as const };
      const duplicate = stored.rotatedAt && now.getTime() - stored.rotatedAt.getTime() <= REFRESH_REUSE_GRACE_MS;
      if (stored.rotatedAt && !duplicate) {
        await em.nativeUpdate(RefreshToken, { family: stored.family, revokedAt: null }, { revokedAt: now });
        return { kind: 'reused' as const };
      }
      const user = await em.findOne(User, { id: stored.user.id, deactivatedAt: null });
      if (!user) return { kind: 'invalid' as const };
      stored.rotatedAt ??= now;
      const tokens = await this.issueInFamily(user, stored.family, em);
      return { kind: 'rotated' as const, user, tokens };
    });
    switch (outcome.kind) {
      case 'rotated':
        return { user: outcome.user, tokens: outcome.tokens };
      case 'reused':
        throw new UnauthenticatedException(
          'This refresh token was already used, so every session of this login was signed out for safety. Sign in again.',
        );
      case 'invalid':
        throw new UnauthenticatedException('This refresh token is invalid, expired or revoked. Sign in again.');
    }
  }

  /** Revokes the family of a refresh token (sign-out). Unknown tokens are ignored. */
  async revoke(refreshToken: string): Promise<boolean> {
    const em = this.em.fork();
    const stored = await em.findOne(RefreshToken, { tokenHash: sha256(refreshToken) });
    if (!stored) return false;
    await em.nativeUpdate(RefreshToken, { family: stored.family, revokedAt: null }, { revokedAt: new Date() });
    return true;
  }

  /** The active user a refresh token signs in, without exchanging it; null when it would be refused. */
  async userOfRefreshToken(refreshToken: string): Promise<User | null> {
    const em = this.em.fork();
    const stored = await em.findOne(RefreshToken, { tokenHash: sha256(refreshToken) });
    if (!stored || stored.revokedAt || stored.rotatedAt || stored.expiresAt <= new Date()) return null;
    return em.findOne(User, { id: stored.user.id, deactivatedAt: null });
  }

  /** Ends the user's sign-ins (every refresh-token family but `keep`); returns how many ended. */
  async endSessions(userId: string, keep: string | null = null, em: EntityManager = this.em): Promise<number> {
    const rows: Array<{ family: string }> = await em.getConnection().execute(
      `update refresh_token set revoked_at = now()
        where user_id = ? and revoked_at is null and expires_at > now() and (?::uuid is null or family <> ?::uuid)
        returning family`,
      [userId, keep, keep],
    );
    return new Set(rows.map((row) => row.family)).size;
  }

  private async issueInFamily(user: User, family: string, em: EntityManager): Promise<IssuedTokens> {
    const accessToken = await this.jwt.signAsync({ sub: user.id, typ: 'access', sid: family } satisfies AccessClaims, {
      algorithm: 'HS256',
      expiresIn: this.config.auth.accessTtlSeconds,
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
    });
    const refreshToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.auth.refreshTtlDays * 86_400_000);
    em.persist(new RefreshToken({ user, family, tokenHash: sha256(refreshToken), expiresAt }));
    await em.flush();
    return { accessToken, refreshToken };
  }
}
