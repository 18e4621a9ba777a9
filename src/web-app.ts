import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

/** Paths the API answers itself: a miss there is a 404, never the app's page. */
const API_PREFIXES = ['/graphql', '/health', '/calendar'];

/** The page is never cached (it names the current hashed assets); security headers come from helmet (config/http-security.ts). */
function pageHeaders(reply: FastifyReply): void {
  reply.header('cache-control', 'no-cache');
}

/**
 * Serves the built web app at `/` (Vite's output in `distDir`): hashed files under /assets/ are
 * cached for a year, index.html is revalidated on every load, and any other page path gets
 * index.html so the client-side router can show it (history fallback). Does nothing when the app
 * is not built, so the API runs without it.
 */
export async function serveWebApp(app: NestFastifyApplication, distDir: string): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) return false;
  const assets = `${sep}assets${sep}`;
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    // One route per built file, found at start: a path with no file falls through to the fallback below.
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      if (path.includes(assets)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      else pageHeaders(reply);
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
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
