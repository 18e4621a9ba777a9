import { workerDatabaseName } from './test-environment';

/**
 * Runs before each test file (jest `setupFiles`): points it at its worker's own copy of the run's
 * database and its own Redis prefix, so files on different workers never share data. Applied once
 * per worker process (the environment outlives the file), so the names are derived from the run's.
 */
const RUN_DATABASE_URL = 'IP_TEST_RUN_DATABASE_URL';
const RUN_QUEUE_PREFIX = 'IP_TEST_RUN_QUEUE_PREFIX';
const worker = Number(process.env.JEST_WORKER_ID ?? '1');
process.env[RUN_DATABASE_URL] ??= process.env.DATABASE_URL;
process.env[RUN_QUEUE_PREFIX] ??= process.env.QUEUE_PREFIX;
const url = new URL(process.env[RUN_DATABASE_URL]!);
url.pathname = `/${workerDatabaseName(url.pathname.slice(1), worker)}`;
process.env.DATABASE_URL = url.toString();
process.env.QUEUE_PREFIX = `${process.env[RUN_QUEUE_PREFIX]}-w${worker}`;
