import { z } from 'zod';
import { PUBLISHED_SECRETS, weakPasswordReason } from './published-secrets';

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = (what: string) =>
  z.coerce
    .number({ message: `expected ${what}` })
    .int({ message: `expected ${what}` })
    .positive({ message: `expected ${what}` });

const DURATION_UNITS_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `90s`, `15m`, `24h`, `2d` -> milliseconds. */
export function parseDuration(value: string): number | null {
  const match = /^(\d+)([smhd])$/.exec(value.trim());
  if (!match) return null;
  const ms = Number(match[1]) * DURATION_UNITS_MS[match[2] as keyof typeof DURATION_UNITS_MS];
  return ms > 0 ? ms : null;
}

const durationMs = (example: string) =>
  z.string().transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === null) {
      ctx.addIssue({ code: 'custom', message: `expected a duration like ${example} (units s, m, h, d)` });
      return z.NEVER;
    }
    return ms;
  });

/** `Name <address>` or `address` -> its parts; null when it is not one mailbox. */
export function parseMailbox(value: string): { name: string; address: string } | null {
  const match = /^\s*(?:"?([^"<>]*?)"?\s*<([^<>\s]+@[^<>\s]+)>|([^<>\s]+@[^<>\s]+))\s*$/.exec(value);
  if (!match) return null;
  return { name: (match[1] ?? '').trim(), address: (match[2] ?? match[3])! };
}

const postgresUrl = z
  .string()
  .url({ message: 'expected a URL like postgres://user:password@host:5432/database' })
  .refine((value) => /^postgres(ql)?:\/\//.test(value), {
    message: 'expected a URL starting with postgres:// or postgresql://',
  })
  .refine((value) => URL.canParse(value) && new URL(value).pathname.length > 1, {
    message: 'expected a database name in the URL path, e.g. postgres://host:5432/interview_pipeline',
  });

/**
 * Every environment variable the service reads, with its default and meaning.
 * `.env.example` mirrors this list; docs/operations.md explains each group.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** HTTP port of the API process. */
    PORT: z.coerce
      .number({ message: 'expected a port number between 1 and 65535' })
      .int({ message: 'expected a port number between 1 and 65535' })
      .min(1, { message: 'expected a port number between 1 and 65535' })
      .max(65535, { message: 'expected a port number between 1 and 65535' })
      .default(3000),
    /** Interface the API binds to. */
    HOST: z.string().min(1).default('0.0.0.0'),
    /** API processes sharing PORT (Node cluster); 1 runs the API in the started process itself. */
    API_PROCESSES: positiveInt('a whole number of processes, e.g. 2')
      .max(64, { message: 'expected at most 64 processes' })
      .default(1),
    /** Primary PostgreSQL database (reads and writes). */
    DATABASE_URL: postgresUrl.default('postgres://postgres@127.0.0.1:5432/interview_pipeline'),
    /** Optional read replicas, comma-separated; heavy read-only queries (analytics) go there. */
    DATABASE_READ_URLS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .pipe(z.array(postgresUrl)),
    /** Connections per process in the PostgreSQL pool. */
    DATABASE_POOL_MAX: positiveInt('a whole number of connections, e.g. 10').default(10),
    REDIS_URL: z
      .string()
      .url({ message: 'expected a URL like redis://host:6379 or rediss://user:password@host:6380/0' })
      .refine((value) => /^rediss?:\/\//.test(value), {
        message: 'expected a URL starting with redis:// or rediss://',
      })
      .default('redis://127.0.0.1:6379'),
    /** Prefix of every BullMQ key in Redis; lets several deployments or test runs share one Redis. */
    QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]+$/, { message: 'expected letters, digits and _ . : - only' })
      .default('interview-pipeline'),
    /**
     * HMAC secret of access tokens (JWT, HS256) and calendar feed links. Required in production, at
     * least 32 characters; elsewhere a random one is generated and kept in the database.
     */
    JWT_ACCESS_SECRET: z.string().min(32, { message: 'expected a secret of at least 32 characters' }).optional(),
    /** Lifetime of an access token, in seconds. */
    JWT_ACCESS_TTL_SECONDS: positiveInt('a whole number of seconds, e.g. 900').default(900),
    /** Lifetime of a refresh token, in days. */
    REFRESH_TOKEN_TTL_DAYS: positiveInt('a whole number of days, e.g. 30').default(30),
    /**
     * Folder of the built web app (index.html and assets/), served by the API at `/`.
     * Default: dist/web of the installation. Nothing is served at `/` when it holds no index.html.
     */
    WEB_DIST_DIR: z.string().optional(),
    /** First admin, created at start when no user exists. */
    BOOTSTRAP_ADMIN_EMAIL: z.string().email({ message: 'expected an email address' }).optional(),
    BOOTSTRAP_ADMIN_PASSWORD: z
      .string()
      .min(12, { message: 'expected a password of at least 12 characters' })
      .optional(),
    /** Load demo data (one user per role, later positions and candidates) at `npm start`. Never allowed in production. */
    DEMO_DATA: booleanFromString.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** How long a process keeps retrying PostgreSQL and Redis at start before giving up. */
    STARTUP_TIMEOUT_SECONDS: positiveInt('a whole number of seconds, e.g. 60').default(60),
    /** How long a stopping process waits for in-flight requests and jobs before it exits anyway. */
    SHUTDOWN_TIMEOUT_SECONDS: positiveInt('a whole number of seconds, e.g. 30').default(30),
    /** Months a candidate's personal data is kept after their last decision or consent renewal. */
    RETENTION_MONTHS: positiveInt('a whole number of months, e.g. 24').default(24),
    /** When the nightly retention job runs (cron, in UTC). */
    RETENTION_SWEEP_CRON: z.string().min(9).default('0 3 * * *'),
    /** Jobs a worker process runs at once, per queue. */
    WORKER_CONCURRENCY: positiveInt('a whole number, e.g. 5').default(5),
    /**
     * Interview-reminder jobs a worker process takes at once. The due ones are sent in batches (one
     * transaction each), so this is how many can share a batch, not how many transactions run.
     */
    INTERVIEW_REMINDER_CONCURRENCY: positiveInt('a whole number, e.g. 100').default(100),
    /**
     * E-mail jobs a worker process takes at once. They are sent in batches (one transaction and one
     * database connection per batch) over the pooled SMTP connections.
     */
    MAIL_CONCURRENCY: positiveInt('a whole number, e.g. 50').default(50),
    /** A job whose worker stops renewing its lock for this long is taken over by another worker. */
    WORKER_LOCK_DURATION_MS: positiveInt('a whole number of milliseconds, e.g. 30000').default(30000),
    /** How often the system.heartbeat job runs. */
    HEARTBEAT_INTERVAL_SECONDS: positiveInt('a whole number of seconds, e.g. 60').default(60),
    /** /health/ready is not ready once the last heartbeat is older than this many heartbeat intervals. */
    HEARTBEAT_STALE_AFTER_INTERVALS: positiveInt('a whole number, e.g. 3').default(3),
    /** Failed sign-ins of one account before it is locked for LOGIN_LOCKOUT_MINUTES. */
    LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt('a whole number, e.g. 10').default(10),
    /** Failed sign-ins from one network address (any accounts) before it is refused for LOGIN_LOCKOUT_MINUTES. */
    LOGIN_MAX_FAILURES_PER_IP: positiveInt('a whole number, e.g. 50').default(50),
    /** Sign-ins (successful or not) from one network address per minute; each costs a password hash. */
    LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: positiveInt('a whole number, e.g. 60').default(60),
    /** The window in which sign-in failures count, and how long a lockout lasts. */
    LOGIN_LOCKOUT_MINUTES: positiveInt('a whole number of minutes, e.g. 15').default(15),
    /** Mutations one signed-in user may send per minute, over all API instances. */
    MUTATIONS_PER_USER_PER_MINUTE: positiveInt('a whole number, e.g. 120').default(120),
    /** Bearer token that shows monitoring the full /health/ready details (hosts, pids, error texts). */
    HEALTH_MONITORING_TOKEN: z.string().min(24, { message: 'expected a token of at least 24 characters' }).optional(),
    /** The address people open the app at, for links the service hands out (calendar feeds, e-mails); no trailing slash needed. */
    PUBLIC_URL: z
      .string()
      .default('http://localhost:3000')
      .transform((value) => value.replace(/\/+$/, ''))
      .pipe(
        z.string().regex(/^https?:\/\/[^/\s?#]+(\/[^\s?#]*)?$/, {
          message: 'expected an absolute http(s) URL like https://hiring.example.com',
        }),
      ),
    /** Origins (scheme://host[:port]) whose browser apps may call the API; empty: same origin only. */
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.string().regex(/^https?:\/\/[^/\s]+$/, {
            message: 'expected origins like https://app.example.com, comma-separated',
          }),
        ),
      ),
    /** How often the outbox relay looks for jobs committed to PostgreSQL but not yet in Redis. */
    OUTBOX_POLL_MS: positiveInt('a whole number of milliseconds, e.g. 1000').default(1000),
    /** Days an application may stay in a stage without an interview or a decision (a stage's slaDays overrides it). */
    STAGE_SLA_DAYS: positiveInt('a whole number of days, e.g. 7').default(7),
    /** Before an interview's start, when its panel is reminded: durations, comma-separated. */
    INTERVIEW_REMINDER_OFFSETS: z
      .string()
      .default('24h,1h')
      .transform((value, ctx) => {
        const parts = value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean);
        const offsets = parts.map(parseDuration);
        if (parts.length === 0 || offsets.some((offset) => offset === null)) {
          ctx.addIssue({
            code: 'custom',
            message: 'expected durations like 24h,1h (units s, m, h, d), comma-separated',
          });
          return z.NEVER;
        }
        return [...new Set(offsets as number[])].sort((a, b) => b - a);
      }),
    /** After a scorecard is due, how often an unsubmitted panelist is reminded again. */
    SCORECARD_REMINDER_INTERVAL: durationMs('24h').default(86_400_000),
    /** How often the worker's reconciler rebuilds pending jobs from PostgreSQL (also at worker start). */
    RECONCILE_INTERVAL_SECONDS: positiveInt('a whole number of seconds, e.g. 60').default(60),
    /** How often the worker looks for applications past their stage's SLA. */
    SLA_SWEEP_INTERVAL_SECONDS: positiveInt('a whole number of seconds, e.g. 300').default(300),
    /**
     * SMTP server for e-mail, e.g. smtp://user:password@mail.example.com:587 or smtps://...:465
     * (pooled connections). Unset: e-mails are written to the log instead of sent.
     */
    SMTP_URL: z
      .string()
      .refine((value) => URL.canParse(value) && /^smtps?:$/.test(new URL(value).protocol), {
        message: 'expected a URL like smtp://user:password@mail.example.com:587 or smtps://mail.example.com:465',
      })
      .optional(),
    /** SMTP connections one worker process keeps open at most (its pool). */
    SMTP_POOL_MAX_CONNECTIONS: positiveInt('a whole number, e.g. 5').default(5),
    /** Messages sent over one pooled SMTP connection before it is closed and a fresh one opened. */
    SMTP_POOL_MAX_MESSAGES: positiveInt('a whole number, e.g. 100').default(100),
    /** Sender of every e-mail and ORGANIZER of calendar invites: `Name <address>` or a bare address. */
    MAIL_FROM: z
      .string()
      .default('interview-pipeline <no-reply@localhost>')
      .transform((value, ctx) => {
        const address = parseMailbox(value);
        if (!address) {
          ctx.addIssue({ code: 'custom', message: 'expected an address like "Hiring <hiring@example.com>"' });
          return z.NEVER;
        }
        return address;
      }),
    /** Allow webhook URLs that resolve to loopback or private addresses (local development and tests only). */
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: booleanFromString.default(false),
    /** How long a webhook endpoint has to answer one delivery attempt before it counts as failed. */
    WEBHOOK_TIMEOUT: durationMs('10s').default(10_000),
    /** How long a failing webhook delivery is retried (from its event) before it is dead (FAILED). */
    WEBHOOK_RETRY_WINDOW: durationMs('24h').default(86_400_000),
    /** Delay before the second attempt; it doubles after each failure up to WEBHOOK_BACKOFF_MAX. */
    WEBHOOK_BACKOFF_BASE: durationMs('30s').default(30_000),
    WEBHOOK_BACKOFF_MAX: durationMs('2h').default(7_200_000),
    /** Webhook deliveries a worker process sends at once (each holds a database connection while it waits). */
    WEBHOOK_CONCURRENCY: positiveInt('a whole number, e.g. 5').default(5),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production') {
      if (!env.JWT_ACCESS_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['JWT_ACCESS_SECRET'],
          message: 'required in production (a random string of at least 32 characters)',
        });
      }
      if (env.JWT_ACCESS_SECRET && PUBLISHED_SECRETS.includes(env.JWT_ACCESS_SECRET)) {
        ctx.addIssue({
          code: 'custom',
          path: ['JWT_ACCESS_SECRET'],
          message: 'is a value published in the repository; generate one, e.g. openssl rand -base64 48',
        });
      }
      const weak = env.BOOTSTRAP_ADMIN_PASSWORD ? weakPasswordReason(env.BOOTSTRAP_ADMIN_PASSWORD) : null;
      if (weak) ctx.addIssue({ code: 'custom', path: ['BOOTSTRAP_ADMIN_PASSWORD'], message: weak });
      if (env.DEMO_DATA) {
        ctx.addIssue({
          code: 'custom',
          path: ['DEMO_DATA'],
          message: 'must not be true in production: demo users have published passwords',
        });
      }
    }
    if (Boolean(env.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(env.BOOTSTRAP_ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.BOOTSTRAP_ADMIN_EMAIL ? 'BOOTSTRAP_ADMIN_PASSWORD' : 'BOOTSTRAP_ADMIN_EMAIL'],
        message: 'set BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD together',
      });
    }
  })
  .transform((env) => ({
    ...env,
    // Empty outside production when unset: the processes generate one (generated-secrets.ts).
    JWT_ACCESS_SECRET: env.JWT_ACCESS_SECRET ?? '',
    DEMO_DATA: env.DEMO_DATA ?? env.NODE_ENV === 'development',
  }));

export type Env = z.output<typeof envSchema>;
