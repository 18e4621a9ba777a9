import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DomainException, ErrorCode } from '../errors/domain.exception';

/** RATE_LIMITED; `extensions.retryAfter` (seconds) says when to try again, as does the Retry-After header. */
export class RateLimitedException extends DomainException {
  constructor(message: string, retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, message, undefined, { retryAfter: retryAfterSeconds });
  }
}

/** The Redis key prefix of the counters; tests clear it between cases. */
export const rateLimitPrefix = (config: AppConfig) => `${config.redis.queuePrefix}:rate-limit`;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Counters in Redis, so every API instance counts the same attempts. When Redis does not answer,
 * each instance falls back to counting in its own memory (`insuranceLimiter`): limits stay on,
 * per instance, and the API keeps serving.
 */
@Injectable()
export class RateLimits implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly accountFailures: RateLimiterAbstract;
  private readonly ipFailures: RateLimiterAbstract;
  private readonly ipAttempts: RateLimiterAbstract;
  private readonly mutations: RateLimiterAbstract;
  private readonly limits: AppConfig['rateLimits'];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limits = config.rateLimits;
    // No offline queue: a command fails at once while Redis is away, and the fallback answers.
    this.redis = new Redis(config.redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined);
    const lockout = this.limits.loginLockoutMinutes * 60;
    const limiter = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${rateLimitPrefix(config)}:${name}`,
        points,
        duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
      });
    this.accountFailures = limiter('login-account', this.limits.loginFailuresPerAccount, lockout);
    this.ipFailures = limiter('login-ip', this.limits.loginFailuresPerIp, lockout);
    this.ipAttempts = limiter('login-attempts', this.limits.loginAttemptsPerIpPerMinute, 60);
    this.mutations = limiter('mutations', this.limits.mutationsPerUserPerMinute, 60);
  }

  /**
   * Refuses a sign-in while its account is locked or its address has failed too often; otherwise
   * counts it against the address's attempts per minute (each costs a password hash).
   */
  async beforeLogin(ip: string, email: string): Promise<void> {
    const [account, address] = await Promise.all([this.accountFailures.get(email), this.ipFailures.get(ip)]);
    const minutes = this.limits.loginLockoutMinutes;
    if (account && account.consumedPoints >= this.limits.loginFailuresPerAccount) {
      const retryAfter = seconds(account.msBeforeNext);
      throw new RateLimitedException(
        `Too many failed sign-ins for this account: after ${this.limits.loginFailuresPerAccount} failures it is ` +
          `locked for ${minutes} minutes. Try again in ${retryAfter} seconds.`,
        retryAfter,
      );
    }
    if (address && address.consumedPoints >= this.limits.loginFailuresPerIp) {
      const retryAfter = seconds(address.msBeforeNext);
      throw new RateLimitedException(
        `Too many failed sign-ins from your network address. Try again in ${retryAfter} seconds.`,
        retryAfter,
      );
    }
    try {
      await this.ipAttempts.consume(ip);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const retryAfter = seconds(error.msBeforeNext);
      throw new RateLimitedException(
        `Too many sign-ins from your network address: at most ${this.limits.loginAttemptsPerIpPerMinute} a minute. ` +
          `Try again in ${retryAfter} seconds.`,
        retryAfter,
      );
    }
  }

  /** Counts a wrong password; the failure that reaches a limit starts a full lockout period. */
  async loginFailed(ip: string, email: string): Promise<void> {
    const lockout = this.limits.loginLockoutMinutes * 60;
    await Promise.all([
      this.count(this.accountFailures, email, this.limits.loginFailuresPerAccount, lockout),
      this.count(this.ipFailures, ip, this.limits.loginFailuresPerIp, lockout),
    ]);
  }

  /** A successful sign-in forgets the account's failures (not the address's). */
  async loginSucceeded(email: string): Promise<void> {
    await this.accountFailures.delete(email).catch(() => undefined);
  }

  /** One mutation of a signed-in user; RATE_LIMITED above the per-minute limit. */
  async mutation(userId: string): Promise<void> {
    try {
      await this.mutations.consume(userId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const retryAfter = seconds(error.msBeforeNext);
      throw new RateLimitedException(
        `Too many changes: at most ${this.limits.mutationsPerUserPerMinute} mutations a minute. Try again in ${retryAfter} seconds.`,
        retryAfter,
      );
    }
  }

  private async count(limiter: RateLimiterAbstract, key: string, points: number, lockout: number): Promise<void> {
    let consumed: number;
    try {
      consumed = (await limiter.penalty(key)).consumedPoints;
    } catch (error) {
      if (error instanceof RateLimiterRes) consumed = error.consumedPoints;
      else throw error;
    }
    if (consumed >= points) await limiter.block(key, lockout);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
