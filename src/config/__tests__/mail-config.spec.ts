import { ConfigError, loadConfig } from '../app-config';

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

describe('e-mail and reminder configuration', () => {
  it('logs e-mail instead of sending it when SMTP_URL is unset, with a local sender and link base', () => {
    expect(loadConfig(valid).mail).toEqual({
      smtpUrl: null,
      from: { name: 'interview-pipeline', address: 'no-reply@localhost' },
      pool: { maxConnections: 5, maxMessages: 100 },
    });
    expect(loadConfig(valid).http.publicUrl).toBe('http://localhost:3000');
    expect(loadConfig(valid).jobs.reminderOffsetsMs).toEqual([86_400_000, 3_600_000]);
  });

  it('reads SMTP_URL, MAIL_FROM (with or without a name) and PUBLIC_URL (without a trailing slash)', () => {
    const config = loadConfig({
      ...valid,
      SMTP_URL: 'smtps://mailer:secret@mail.example.com:465',
      MAIL_FROM: '"Acme Hiring" <hiring@acme.example>',
      PUBLIC_URL: 'https://hiring.acme.example/',
    });
    expect(config.mail).toEqual({
      smtpUrl: 'smtps://mailer:secret@mail.example.com:465',
      from: { name: 'Acme Hiring', address: 'hiring@acme.example' },
      pool: { maxConnections: 5, maxMessages: 100 },
    });
    expect(config.http.publicUrl).toBe('https://hiring.acme.example');
    expect(loadConfig({ ...valid, MAIL_FROM: 'hiring@acme.example' }).mail.from).toEqual({
      name: '',
      address: 'hiring@acme.example',
    });
  });

  it('refuses a wrong SMTP_URL (without showing its password), MAIL_FROM, PUBLIC_URL or reminder offset', () => {
    const smtp = configError({ ...valid, SMTP_URL: 'http://mailer:secret@mail.example.com' });
    expect(smtp).toMatch(/^Invalid configuration: SMTP_URL expected a URL like smtp:\/\//);
    expect(smtp).not.toContain('secret');
    expect(configError({ ...valid, MAIL_FROM: 'Acme Hiring' })).toMatch(/^Invalid configuration: MAIL_FROM expected/);
    expect(configError({ ...valid, PUBLIC_URL: 'hiring.acme.example' })).toMatch(
      /^Invalid configuration: PUBLIC_URL expected an absolute http\(s\) URL/,
    );
    expect(configError({ ...valid, INTERVIEW_REMINDER_OFFSETS: '24h,soon' })).toMatch(
      /^Invalid configuration: INTERVIEW_REMINDER_OFFSETS expected durations/,
    );
    expect(loadConfig({ ...valid, INTERVIEW_REMINDER_OFFSETS: '2s, 1d,15m' }).jobs.reminderOffsetsMs).toEqual([
      86_400_000, 900_000, 2_000,
    ]);
  });

  it('reads the SMTP pool size and messages per connection, and refuses anything but a positive whole number', () => {
    expect(loadConfig({ ...valid, SMTP_POOL_MAX_CONNECTIONS: '12', SMTP_POOL_MAX_MESSAGES: '500' }).mail.pool).toEqual({
      maxConnections: 12,
      maxMessages: 500,
    });
    expect(configError({ ...valid, SMTP_POOL_MAX_CONNECTIONS: '0' })).toMatch(
      /^Invalid configuration: SMTP_POOL_MAX_CONNECTIONS /,
    );
    expect(configError({ ...valid, SMTP_POOL_MAX_MESSAGES: 'many' })).toMatch(
      /^Invalid configuration: SMTP_POOL_MAX_MESSAGES /,
    );
  });
});
