import { ConfigError, loadConfig, redactUrl } from '../app-config';

const valid = { NODE_ENV: 'test' };

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('works with no variables at all on a developer machine', () => {
    const config = loadConfig({});
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/interview_pipeline');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.http.port).toBe(3000);
    expect(config.demoData).toBe(true);
    expect(config.bootstrapAdmin).toBeNull();
  });

  it('takes PUBLIC_URL as an absolute http(s) URL without a trailing slash', () => {
    expect(loadConfig({}).http.publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ ...valid, PUBLIC_URL: 'https://hiring.example.com/app/' }).http.publicUrl).toBe(
      'https://hiring.example.com/app',
    );
    expect(configError({ ...valid, PUBLIC_URL: 'hiring.example.com' })).toMatch(
      /^Invalid configuration: PUBLIC_URL expected an absolute http\(s\) URL/,
    );
  });

  it('runs one API process unless API_PROCESSES asks for 1 to 64', () => {
    expect(loadConfig({}).http.processes).toBe(1);
    expect(loadConfig({ ...valid, API_PROCESSES: '2' }).http.processes).toBe(2);
    expect(configError({ ...valid, API_PROCESSES: '0' })).toBe(
      'Invalid configuration: API_PROCESSES expected a whole number of processes, e.g. 2 (got "0")',
    );
    expect(configError({ ...valid, API_PROCESSES: '65' })).toBe(
      'Invalid configuration: API_PROCESSES expected at most 64 processes (got "65")',
    );
  });

  it('names the wrong variable, what it expects and what it got, on one line', () => {
    const message = configError({ ...valid, PORT: 'eighty' });
    expect(message).toBe('Invalid configuration: PORT expected a port number between 1 and 65535 (got "eighty")');
    expect(message).not.toContain('\n');
    expect(configError({ ...valid, DATABASE_URL: 'mysql://localhost/db' })).toMatch(
      /^Invalid configuration: DATABASE_URL expected a URL starting with postgres/,
    );
    expect(configError({ ...valid, REDIS_URL: 'localhost:6379' })).toMatch(/^Invalid configuration: REDIS_URL /);
    expect(configError({ ...valid, DATABASE_READ_URLS: 'postgres://a/b, nope' })).toMatch(
      /^Invalid configuration: DATABASE_READ_URLS/,
    );
  });

  it('reads the per-queue concurrency of interview reminders and mail, 100 and 50 by default', () => {
    expect(loadConfig(valid).worker).toMatchObject({ interviewReminderConcurrency: 100, mailConcurrency: 50 });
    expect(loadConfig({ ...valid, INTERVIEW_REMINDER_CONCURRENCY: '20', MAIL_CONCURRENCY: '8' }).worker).toMatchObject({
      interviewReminderConcurrency: 20,
      mailConcurrency: 8,
    });
    expect(configError({ ...valid, MAIL_CONCURRENCY: '0' })).toMatch(/MAIL_CONCURRENCY/);
  });

  it('reads the webhook delivery settings as durations, with defaults of 10 s, 24 h, 30 s to 2 h and 5', () => {
    expect(loadConfig(valid).webhooks).toEqual({
      timeoutMs: 10_000,
      retryWindowMs: 86_400_000,
      backoffBaseMs: 30_000,
      backoffMaxMs: 7_200_000,
      concurrency: 5,
    });
    const tuned = loadConfig({
      ...valid,
      WEBHOOK_TIMEOUT: '3s',
      WEBHOOK_RETRY_WINDOW: '2d',
      WEBHOOK_BACKOFF_BASE: '1m',
      WEBHOOK_BACKOFF_MAX: '1h',
      WEBHOOK_CONCURRENCY: '2',
    }).webhooks;
    expect(tuned).toEqual({
      timeoutMs: 3000,
      retryWindowMs: 172_800_000,
      backoffBaseMs: 60_000,
      backoffMaxMs: 3_600_000,
      concurrency: 2,
    });
    expect(configError({ ...valid, WEBHOOK_TIMEOUT: '10' })).toMatch(
      /^Invalid configuration: WEBHOOK_TIMEOUT expected a duration like 10s/,
    );
  });

  it('never echoes a secret back', () => {
    expect(configError({ ...valid, JWT_ACCESS_SECRET: 'short-secret' })).toBe(
      'Invalid configuration: JWT_ACCESS_SECRET expected a secret of at least 32 characters',
    );
  });

  it('has no default credential in production', () => {
    expect(configError({ NODE_ENV: 'production' })).toMatch(/JWT_ACCESS_SECRET required in production/);
    const config = loadConfig({ NODE_ENV: 'production', JWT_ACCESS_SECRET: 'x'.repeat(40) });
    expect(config.demoData).toBe(false);
    expect(config.bootstrapAdmin).toBeNull();
    expect(configError({ NODE_ENV: 'production', JWT_ACCESS_SECRET: 'x'.repeat(40), DEMO_DATA: 'true' })).toMatch(
      /DEMO_DATA must not be true in production/,
    );
  });

  it('wants the bootstrap admin email and password together', () => {
    expect(configError({ ...valid, BOOTSTRAP_ADMIN_EMAIL: 'a@example.com' })).toMatch(/BOOTSTRAP_ADMIN_PASSWORD set/);
    const config = loadConfig({
      ...valid,
      BOOTSTRAP_ADMIN_EMAIL: 'a@example.com',
      BOOTSTRAP_ADMIN_PASSWORD: 'p'.repeat(12),
    });
    expect(config.bootstrapAdmin).toEqual({ email: 'a@example.com', password: 'p'.repeat(12) });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ ...valid, PORT: '' }).http.port).toBe(3000);
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactUrl('postgres://app:s3cret@db.internal:5432/hiring')).toBe(
      'postgres://app:***@db.internal:5432/hiring',
    );
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
