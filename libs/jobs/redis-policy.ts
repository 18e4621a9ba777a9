import Redis from 'ioredis';

/** Redis would evict queue keys when its memory is full: the worker refuses to run on it. */
export class RedisPolicyError extends Error {}

/**
 * Throws a RedisPolicyError (one line) unless Redis's `maxmemory-policy` is `noeviction`. With any
 * other policy Redis may delete BullMQ keys under memory pressure and jobs vanish silently. A Redis
 * that refuses CONFIG (some managed services) cannot be checked: `onUnchecked` is told why.
 */
export async function assertNoEviction(url: string, onUnchecked: (reason: string) => void): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true, connectionName: 'policy-check' });
  try {
    await redis.connect();
    let policy: string | undefined;
    try {
      const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
      policy = reply[1];
    } catch (error) {
      onUnchecked(`could not read Redis maxmemory-policy (${(error as Error).message}); make sure it is noeviction`);
      return;
    }
    if (policy !== undefined && policy !== 'noeviction') {
      throw new RedisPolicyError(
        `Worker cannot start: Redis maxmemory-policy is "${policy}", but it must be "noeviction" ` +
          `(with any other policy Redis may delete queued jobs); run CONFIG SET maxmemory-policy noeviction ` +
          `or set it in redis.conf.`,
      );
    }
  } finally {
    redis.disconnect();
  }
}
