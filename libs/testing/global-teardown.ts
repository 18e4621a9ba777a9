import { Client } from 'pg';
import Redis from 'ioredis';
import { testServerUrl } from './test-environment';

/** Drops this run's database and its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  const client = new Client({ connectionString: testServerUrl().toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(database)} with (force)`);
  } finally {
    await client.end();
  }
  const redis = new Redis(process.env.REDIS_URL!);
  try {
    const stream = redis.scanStream({ match: `${process.env.QUEUE_PREFIX}*`, count: 500 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
