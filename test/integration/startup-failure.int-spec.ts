import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Runs an entry point as a real process with extra environment; returns its exit code and stderr. */
function run(entry: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stderr: result.stderr.trim() };
}

describe('start-up failures', () => {
  it('stops on invalid configuration with one line naming the variable', () => {
    const { code, stderr } = run('src/main.ts', { PORT: 'eighty' });
    expect(code).toBe(78);
    expect(stderr).toBe('Invalid configuration: PORT expected a port number between 1 and 65535 (got "eighty")');
  });

  it('retries an unreachable PostgreSQL for a bounded time, then names it without the password', () => {
    const started = Date.now();
    const { code, stderr } = run('src/worker.ts', {
      DATABASE_URL: 'postgres://app:s3cret@127.0.0.1:1/hiring',
      STARTUP_TIMEOUT_SECONDS: '2',
    });
    expect(code).toBe(69);
    expect(stderr).toMatch(
      /^Cannot reach PostgreSQL at postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/hiring within 2s: .*ECONNREFUSED/,
    );
    expect(stderr).not.toContain('s3cret');
    expect(stderr.split('\n')).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('does the same for an unreachable Redis', () => {
    const { code, stderr } = run('src/main.ts', { REDIS_URL: 'redis://:pw@127.0.0.1:1', STARTUP_TIMEOUT_SECONDS: '1' });
    expect(code).toBe(69);
    expect(stderr).toMatch(/^Cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 within 1s/);
  });
});
