import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheckService,
  HealthIndicatorService,
  MikroOrmHealthIndicator,
  type HealthCheckResult,
  type HealthIndicatorStatus,
} from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { MikroORM } from '@mikro-orm/postgresql';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { JobHeartbeat } from '../system';
import { REDIS_CLIENT } from './redis-client.provider';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: MikroOrmHealthIndicator,
    private readonly orm: MikroORM,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The process is up and serving HTTP. Never touches a dependency. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Ready for traffic: PostgreSQL answers, the schema is migrated and a worker ran the heartbeat
   * recently (HEARTBEAT_STALE_AFTER_INTERVALS) unless Redis is the reason it did not. Redis is reported but does
   * not decide: without it the API still serves (rate limits count per instance meanwhile), so
   * it shows as `degraded`. Host names, pids and error texts only for the monitoring token.
   */
  @Get('ready')
  async ready(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HealthCheckResult> {
    let result: HealthCheckResult;
    const redis = this.redisInfo();
    try {
      result = await this.health.check([
        () => this.database.pingCheck('database', { timeout: 2000 }),
        () => this.migrationsCheck(),
        async () => this.heartbeatInfo((await redis).status !== 'up'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      result = error.getResponse() as HealthCheckResult;
      reply.status(503);
    }
    // Terminus knows only up and down; Redis is informational, up or degraded, never down.
    const redisStatus = await redis;
    result = {
      ...result,
      info: { ...result.info, redis: redisStatus },
      details: { ...result.details, redis: redisStatus },
    };
    return this.isMonitoring(authorization) ? result : withoutDetails(result);
  }

  private isMonitoring(authorization: string | undefined): boolean {
    const expected = this.config.healthMonitoringToken;
    const given = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!expected || !given) return false;
    const [a, b] = [Buffer.from(given), Buffer.from(expected)];
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private async redisInfo(): Promise<{ status: HealthIndicatorStatus } & Record<string, unknown>> {
    try {
      const pong = await this.redis.ping();
      return pong === 'PONG'
        ? { status: 'up' }
        : { status: 'degraded' as HealthIndicatorStatus, message: `reply ${pong}` };
    } catch (error) {
      return { status: 'degraded' as HealthIndicatorStatus, message: (error as Error).message };
    }
  }

  private async migrationsCheck() {
    const indicator = this.indicators.check('migrations');
    try {
      const pending = await this.orm.migrator.getPendingMigrations();
      return pending.length === 0
        ? indicator.up()
        : indicator.down({ pending: pending.map((migration) => migration.name), message: 'run npm run migrate' });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  /**
   * When a worker last ran the heartbeat job. Older than HEARTBEAT_STALE_AFTER_INTERVALS intervals,
   * or never: down, so the deployment is not ready (no worker runs jobs: nothing is reminded, no
   * decision is applied). With the worker's schedules rebuilt by its reconciler, a stale heartbeat
   * means no worker is running or none reaches Redis and PostgreSQL. While this API cannot reach
   * Redis either, a stale heartbeat is what Redis being down looks like, and the API still serves
   * (jobs wait in the outbox): reported as stale, but not down, so every instance is not taken out.
   */
  private async heartbeatInfo(redisUnreachable: boolean) {
    const indicator = this.indicators.check('workerHeartbeat');
    const beat = await this.orm.em.fork().findOne(JobHeartbeat, { jobName: 'system.heartbeat' });
    if (!beat) return indicator.down({ lastRunAt: null, stale: true });
    const ageSeconds = (Date.now() - beat.lastRunAt.getTime()) / 1000;
    const { heartbeatIntervalSeconds, heartbeatStaleAfterIntervals } = this.config.worker;
    const stale = ageSeconds > heartbeatIntervalSeconds * heartbeatStaleAfterIntervals;
    const details = { lastRunAt: beat.lastRunAt.toISOString(), worker: beat.worker, stale };
    if (stale && redisUnreachable) return indicator.up({ ...details, cause: 'Redis is unreachable' });
    return stale ? indicator.down(details) : indicator.up(details);
  }
}

/** Keys that may name hosts, processes or internals: shown to the monitoring token only. */
const DETAIL_KEYS = new Set(['message', 'worker', 'pending', 'error', 'stack']);

function withoutDetails(result: HealthCheckResult): HealthCheckResult {
  const strip = (section?: Record<string, unknown>) =>
    section &&
    Object.fromEntries(
      Object.entries(section).map(([name, check]) => [
        name,
        Object.fromEntries(Object.entries(check as object).filter(([key]) => !DETAIL_KEYS.has(key))),
      ]),
    );
  return {
    status: result.status,
    info: strip(result.info),
    error: strip(result.error),
    details: strip(result.details) ?? {},
  } as HealthCheckResult;
}
