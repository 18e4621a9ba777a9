import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { envSchema, type Env } from './env.schema';

export class ConfigError extends Error {}

/** Typed configuration of one process; built once from the environment at boot. */
export interface AppConfig {
  env: Env['NODE_ENV'];
  /**
   * Overrides of the GraphQL operation limits (src/graphql/query-limits.ts), for tests that walk
   * the whole schema in few requests; never set from the environment.
   */
  queryLimits?: Partial<Record<'maxAliases' | 'maxDepth' | 'maxDirectives' | 'maxTokens' | 'maxCost', number>>;
  /**
   * `publicUrl`: where users reach the API (PUBLIC_URL), without a trailing slash. `processes`: API
   * processes sharing the port (API_PROCESSES), see src/api-cluster.ts.
   */
  http: { host: string; port: number; processes: number; corsOrigins: string[]; publicUrl: string };
  /** Shows /health/ready in full to callers presenting it; null: nobody sees the details. */
  healthMonitoringToken: string | null;
  database: { url: string; readUrls: string[]; poolMax: number };
  redis: { url: string; queuePrefix: string };
  auth: { accessSecret: string; accessTtlSeconds: number; refreshTtlDays: number };
  /** The built web app's folder; the API serves it at `/` when it holds an index.html. */
  web: { distDir: string };
  bootstrapAdmin: { email: string; password: string } | null;
  demoData: boolean;
  logLevel: Env['LOG_LEVEL'];
  startupTimeoutSeconds: number;
  shutdownTimeoutSeconds: number;
  worker: {
    concurrency: number;
    /** Per queue, where it differs from `concurrency`. */
    interviewReminderConcurrency: number;
    mailConcurrency: number;
    lockDurationMs: number;
    heartbeatIntervalSeconds: number;
    /** Readiness fails once the last heartbeat is older than this many intervals. */
    heartbeatStaleAfterIntervals: number;
  };
  /** Candidate-data retention (docs/domain.md#retention). */
  retention: { months: number; sweepCron: string };
  outboxPollMs: number;
  /** Stalled applications and webhooks (issue 11). */
  jobs: {
    stageSlaDays: number;
    webhookAllowPrivateNetworks: boolean;
    /** Milliseconds before an interview's start, longest first. */
    reminderOffsetsMs: number[];
    scorecardReminderIntervalMs: number;
    reconcileIntervalSeconds: number;
    slaSweepIntervalSeconds: number;
  };
  /** E-mail (SMTP_URL, MAIL_FROM); links in mails start with `http.publicUrl` (PUBLIC_URL). */
  mail: {
    /** null: e-mails are logged, not sent. */
    smtpUrl: string | null;
    from: { name: string; address: string };
    /** The SMTP connection pool of one worker process (SMTP_POOL_MAX_CONNECTIONS, SMTP_POOL_MAX_MESSAGES). */
    pool: { maxConnections: number; maxMessages: number };
  };
  /** Outbound webhook delivery (docs/operations.md#webhooks). */
  webhooks: {
    timeoutMs: number;
    retryWindowMs: number;
    backoffBaseMs: number;
    backoffMaxMs: number;
    concurrency: number;
  };
  rateLimits: {
    loginFailuresPerAccount: number;
    loginFailuresPerIp: number;
    loginAttemptsPerIpPerMinute: number;
    loginLockoutMinutes: number;
    mutationsPerUserPerMinute: number;
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Validates the environment. Throws a ConfigError whose message is one line naming the first
 * wrong variable and what it expects.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    // An empty variable means "not set", as in most twelve-factor tooling.
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = issue.path.join('.') || 'environment';
    const given = raw[variable];
    const shown = given === undefined || /SECRET|PASSWORD|TOKEN/.test(variable) ? '' : ` (got "${redactUrls(given)}")`;
    throw new ConfigError(`Invalid configuration: ${variable} ${issue.message}${shown}`);
  }
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      processes: env.API_PROCESSES,
      corsOrigins: env.CORS_ORIGINS,
      publicUrl: env.PUBLIC_URL,
    },
    healthMonitoringToken: env.HEALTH_MONITORING_TOKEN ?? null,
    database: { url: env.DATABASE_URL, readUrls: env.DATABASE_READ_URLS, poolMax: env.DATABASE_POOL_MAX },
    redis: { url: env.REDIS_URL, queuePrefix: env.QUEUE_PREFIX },
    auth: {
      accessSecret: env.JWT_ACCESS_SECRET,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    },
    web: { distDir: env.WEB_DIST_DIR ? resolve(env.WEB_DIST_DIR) : defaultWebDistDir() },
    bootstrapAdmin:
      env.BOOTSTRAP_ADMIN_EMAIL && env.BOOTSTRAP_ADMIN_PASSWORD
        ? { email: env.BOOTSTRAP_ADMIN_EMAIL, password: env.BOOTSTRAP_ADMIN_PASSWORD }
        : null,
    demoData: env.DEMO_DATA,
    logLevel: env.LOG_LEVEL,
    startupTimeoutSeconds: env.STARTUP_TIMEOUT_SECONDS,
    shutdownTimeoutSeconds: env.SHUTDOWN_TIMEOUT_SECONDS,
    worker: {
      concurrency: env.WORKER_CONCURRENCY,
      interviewReminderConcurrency: env.INTERVIEW_REMINDER_CONCURRENCY,
      mailConcurrency: env.MAIL_CONCURRENCY,
      lockDurationMs: env.WORKER_LOCK_DURATION_MS,
      heartbeatIntervalSeconds: env.HEARTBEAT_INTERVAL_SECONDS,
      heartbeatStaleAfterIntervals: env.HEARTBEAT_STALE_AFTER_INTERVALS,
    },
    retention: { months: env.RETENTION_MONTHS, sweepCron: env.RETENTION_SWEEP_CRON },
    outboxPollMs: env.OUTBOX_POLL_MS,
    jobs: {
      stageSlaDays: env.STAGE_SLA_DAYS,
      webhookAllowPrivateNetworks: env.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
      reminderOffsetsMs: env.INTERVIEW_REMINDER_OFFSETS,
      scorecardReminderIntervalMs: env.SCORECARD_REMINDER_INTERVAL,
      reconcileIntervalSeconds: env.RECONCILE_INTERVAL_SECONDS,
      slaSweepIntervalSeconds: env.SLA_SWEEP_INTERVAL_SECONDS,
    },
    mail: {
      smtpUrl: env.SMTP_URL ?? null,
      from: env.MAIL_FROM,
      pool: { maxConnections: env.SMTP_POOL_MAX_CONNECTIONS, maxMessages: env.SMTP_POOL_MAX_MESSAGES },
    },
    webhooks: {
      timeoutMs: env.WEBHOOK_TIMEOUT,
      retryWindowMs: env.WEBHOOK_RETRY_WINDOW,
      backoffBaseMs: env.WEBHOOK_BACKOFF_BASE,
      backoffMaxMs: env.WEBHOOK_BACKOFF_MAX,
      concurrency: env.WEBHOOK_CONCURRENCY,
    },
    rateLimits: {
      loginFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      loginFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
      loginAttemptsPerIpPerMinute: env.LOGIN_ATTEMPTS_PER_IP_PER_MINUTE,
      loginLockoutMinutes: env.LOGIN_LOCKOUT_MINUTES,
      mutationsPerUserPerMinute: env.MUTATIONS_PER_USER_PER_MINUTE,
    },
  };
}

/** <installation>/dist/web, found from this file whether it runs built (dist/src/config) or not (src/config). */
function defaultWebDistDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}

/** Any text with the passwords of the URLs in it replaced by ***, parseable URLs or not. */
export function redactUrls(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^/?#@\s:]*:)[^@\s]*@/gi, '$1***@');
}

/** A connection URL safe to print: the password is replaced by ***. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}
