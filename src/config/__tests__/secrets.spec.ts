import { ConfigError, loadConfig, redactUrls } from '../app-config';
import { PUBLISHED_SECRETS, weakPasswordReason } from '../published-secrets';

const production = { NODE_ENV: 'production', JWT_ACCESS_SECRET: 'k'.repeat(20) + 'Zq8#rT5!wX2@pL9$' };

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('secrets and modes', () => {
  it('refuses in production every value published in the repository, without printing it', () => {
    for (const published of PUBLISHED_SECRETS.filter((value) => value.length >= 32)) {
      const message = configError({ ...production, JWT_ACCESS_SECRET: published });
      expect(message).toBe(
        'Invalid configuration: JWT_ACCESS_SECRET is a value published in the repository; generate one, e.g. openssl rand -base64 48',
      );
    }
    for (const published of PUBLISHED_SECRETS) {
      const message = configError({
        ...production,
        BOOTSTRAP_ADMIN_EMAIL: 'a@example.com',
        BOOTSTRAP_ADMIN_PASSWORD: published,
      });
      expect(message).toMatch(/^Invalid configuration: BOOTSTRAP_ADMIN_PASSWORD /);
      expect(message).not.toContain(published);
    }
  });

  it('refuses a weak bootstrap admin password in production only', () => {
    const admin = (password: string) => ({
      BOOTSTRAP_ADMIN_EMAIL: 'a@example.com',
      BOOTSTRAP_ADMIN_PASSWORD: password,
    });
    expect(configError({ ...production, ...admin('aaaaaaaaaaaaaaaa') })).toBe(
      'Invalid configuration: BOOTSTRAP_ADMIN_PASSWORD repeats too few characters (at least 6 different ones)',
    );
    expect(configError({ ...production, ...admin('MyAdminAccount-77') })).toMatch(/common word/);
    expect(loadConfig({ ...production, ...admin('plum-otter-basalt-19') }).bootstrapAdmin).toEqual({
      email: 'a@example.com',
      password: 'plum-otter-basalt-19',
    });
    expect(
      loadConfig({ NODE_ENV: 'development', ...admin('change-this-admin-password') }).bootstrapAdmin,
    ).not.toBeNull();
    expect(weakPasswordReason('short')).toBe('must be at least 12 characters');
  });

  it('has no access-token secret in the source: outside production it is generated at start', () => {
    expect(loadConfig({}).auth.accessSecret).toBe('');
    expect(loadConfig({ JWT_ACCESS_SECRET: 's'.repeat(40) }).auth.accessSecret).toBe('s'.repeat(40));
  });

  it('never prints the password of a URL in a configuration error', () => {
    const message = configError({ DATABASE_URL: 'mysql://app:hunter2-db@db.internal:3306/hiring' });
    expect(message).toBe(
      'Invalid configuration: DATABASE_URL expected a URL starting with postgres:// or postgresql:// (got "mysql://app:***@db.internal:3306/hiring")',
    );
    expect(configError({ REDIS_URL: 'http://:hunter2-redis@cache:6379' })).not.toContain('hunter2');
    expect(configError({ DATABASE_URL: 'postgres://app:pw@/' })).not.toContain(':pw@');
    expect(redactUrls('a postgres://u:p@h/d and redis://:q@r:1 and rediss://x@y')).toBe(
      'a postgres://u:***@h/d and redis://:***@r:1 and rediss://x@y',
    );
  });
});
