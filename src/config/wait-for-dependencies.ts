import { Client } from 'pg';
import Redis from 'ioredis';
import { redactUrl, type AppConfig } from './app-config';

export class DependencyUnavailableError extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `attempt` with exponential backoff (0.25 s doubling to 5 s) until `deadline`. */
async function retryUntil(what: string, deadline: number, attempt: () => Promise<void>): Promise<void> {
  let delay = 250;
  for (;;) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (Date.now() + delay > deadline) {
        throw new DependencyUnavailableError(`Cannot reach ${what}: ${(error as Error).message}`);
      }
      await sleep(delay);
      delay = Math.min(delay * 2, 5000);
    }
  }
}

async function pingPostgres(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    // The server answers but the database is not created yet: `npm run migrate` creates it.
    if ((error as { code?: string }).code === '3D000') return;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function pingRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3000,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

/**
 * Waits for PostgreSQL (and Redis when asked) for STARTUP_TIMEOUT_SECONDS, so processes started
 * together with their databases (docker compose, Kubernetes) do not crash-loop.
 */
export async function waitForDependencies(config: AppConfig, needs: { redis: boolean }): Promise<void> {
  const deadline = Date.now() + config.startupTimeoutSeconds * 1000;
  const seconds = `${config.startupTimeoutSeconds}s`;
  await retryUntil(`PostgreSQL at ${redactUrl(config.database.url)} within ${seconds}`, deadline, () =>
    pingPostgres(config.database.url),
  );
  if (needs.redis) {
    await retryUntil(`Redis at ${redactUrl(config.redis.url)} within ${seconds}`, deadline, () =>
      pingRedis(config.redis.url),
    );
  }
}
