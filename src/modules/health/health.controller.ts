import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, MikroOrmHealthIndicator } from '@nestjs/terminus';
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

  /** Ready for traffic: PostgreSQL and Redis answer and the schema is migrated. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.redisCheck(),
      () => this.migrationsCheck(),
      () => this.heartbeatInfo(),
    ]);
  }

  private async redisCheck() {
    const indicator = this.indicators.check('redis');
    try {
      const pong = await this.redis.ping();
      return pong === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected reply ${pong}` });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
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

  /** Informational: when a worker last ran the heartbeat job. API readiness does not depend on workers. */
  private async heartbeatInfo() {
    const indicator = this.indicators.check('workerHeartbeat');
    const beat = await this.orm.em.fork().findOne(JobHeartbeat, { jobName: 'system.heartbeat' });
    if (!beat) return indicator.up({ lastRunAt: null, stale: true });
    const ageSeconds = (Date.now() - beat.lastRunAt.getTime()) / 1000;
    return indicator.up({
      lastRunAt: beat.lastRunAt.toISOString(),
      worker: beat.worker,
      stale: ageSeconds > this.config.worker.heartbeatIntervalSeconds * 3,
    });
  }
}
