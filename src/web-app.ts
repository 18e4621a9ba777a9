import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Paths the API answers itself: a miss there is a 404, never the app's page. */
const API_PREFIXES = ['/graphql', '/health', '/calendar'];

/** The page is never cached (it names the current hashed assets); security headers come from helmet (config/http-security.ts). */
function pageHeaders(reply: FastifyReply): void {
  reply.header('cache-control', 'no-cache');
}

/** Who may open the API explorer: `allowed`, or why not (401 without a session, 403 for a non-admin). */
export type ExplorerAccess = (request: FastifyRequest) => Promise<'allowed' | 'unauthenticated' | 'forbidden'>;

/** The explorer's page, built by web/vite.explorer.config.mts; its assets are under /explorer/assets/. */
const EXPLORER_PAGE = join('explorer', 'explorer', 'index.html');

const EXPLORER_REFUSALS = {
  unauthenticated: [
    401,
    'The API explorer is for signed-in admins: sign in to the web app at / first, then open /graphql.',
  ],
  forbidden: [403, 'The API explorer is for admins in this deployment; your account is not one.'],
} as const;

/**
 * Serves the built web app at `/` (Vite's output in `distDir`): hashed files under /assets/ are
 * cached for a year, index.html is revalidated on every load, and any other page path gets
 * index.html so the client-side router can show it (history fallback). Does nothing when the app
 * is not built, so the API runs without it.
 */
export async function serveWebApp(
  app: NestFastifyApplication,
  distDir: string,
  explorerAccess: ExplorerAccess,
): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) return false;
  const assets = `${sep}assets${sep}`;
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    // One route per built file, found at start: a path with no file falls through to the fallback below.
    wildcard: false,
    index: false,
    cacheControl: false,
    // The explorer's page only through GET /graphql, which checks who asks.
    allowedPath: (path) => !path.startsWith('/explorer/explorer/'),
    setHeaders: (reply, path) => {
      if (path.includes(assets)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      else pageHeaders(reply);
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  if (existsSync(join(distDir, EXPLORER_PAGE))) {
    // A browser opening /graphql (it asks for HTML) gets GraphiQL; operations (JSON) go on to Apollo.
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' || request.url.split('?')[0] !== '/graphql') return;
      if (!request.headers.accept?.includes('text/html')) return;
      const access = await explorerAccess(request);
      pageHeaders(reply);
      if (access !== 'allowed') {
        const [status, message] = EXPLORER_REFUSALS[access];
        return reply.code(status).type('text/plain; charset=utf-8').send(message);
      }
      return reply.sendFile(EXPLORER_PAGE);
    });
  }
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0]!;
    const lastSegment = path.slice(path.lastIndexOf('/') + 1);
    const isPage =
      !API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)) &&
      !path.startsWith('/assets/') &&
      !lastSegment.includes('.');
    if (!isPage) return reply.callNotFound();
    pageHeaders(reply);
    return reply.sendFile('index.html');
  });
  return true;
}
