import { Client } from 'pg';
import Redis from 'ioredis';
import { testServerUrl } from './test-environment';

/** Drops this run's database, its workers' copies, and its Redis keys (every worker's prefix). */
export default async function globalTeardown(): Promise<void> {
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  const client = new Client({ connectionString: testServerUrl().toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname = $1 or datname like $2`,
      [database, `${database.replace(/_/g, '\\_')}\\_w%`],
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists ${client.escapeIdentifier(datname)} with (force)`);
    }
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
