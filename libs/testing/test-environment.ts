import { randomBytes } from 'node:crypto';

/** Base PostgreSQL server for test databases; override with TEST_DATABASE_URL. */
export function testServerUrl(): URL {
  return new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
}

/** Environment of one test run: its own database and Redis prefix. */
export function testRunEnvironment(): Record<string, string> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = testServerUrl();
  url.pathname = `/ip_test_${runId}`;
  return {
    NODE_ENV: 'test',
    DATABASE_URL: url.toString(),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `ip-test-${runId}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    STARTUP_TIMEOUT_SECONDS: '5',
    OUTBOX_POLL_MS: '100',
    BOOTSTRAP_ADMIN_EMAIL: '',
    BOOTSTRAP_ADMIN_PASSWORD: '',
    DEMO_DATA: 'false',
  };
}

/** The copy of the run's database that jest worker `worker` (JEST_WORKER_ID, from 1) runs its files on. */
export function workerDatabaseName(runDatabase: string, worker: number): string {
  return `${runDatabase}_w${worker}`;
}
