import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'web');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/**
 * The API serves dist/web. CI builds it (`npm run build`) before `npm test`; a developer's
 * `npm test` builds it here when it is missing or older than the app's sources (or this file).
 * The build is a production one, as `npm run build:web` makes: jest runs with NODE_ENV=test, and
 * Vite would otherwise pass that on and bundle React's development build (over the size budget
 * of scripts/check-web-bundle.js, and not what users get).
 */
export function ensureWebAppBuilt(): void {
  const shared = [...['src', 'public'].map((name) => join(ROOT, 'web', name)), __filename];
  const builds = [
    { page: join(DIST, 'index.html'), config: 'web/vite.config.mts', sources: ['index.html', 'vite.config.mts'] },
    {
      page: join(DIST, 'explorer', 'explorer', 'index.html'),
      config: 'web/vite.explorer.config.mts',
      sources: ['explorer', 'vite.explorer.config.mts'],
    },
  ];
  for (const build of builds) {
    const sources = [...shared, ...build.sources.map((name) => join(ROOT, 'web', name))];
    if (existsSync(build.page) && statSync(build.page).mtimeMs >= Math.max(...sources.map(newestChange))) continue;
    execFileSync(
      join(ROOT, 'node_modules', '.bin', 'vite'),
      ['build', '--config', build.config, '--mode', 'production', '--logLevel', 'error'],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  }
}
