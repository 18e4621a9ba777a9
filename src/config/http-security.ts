import helmet from 'helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from './app-config';

/**
 * Security headers on every response, and CORS for the configured origins only. The CSP suits a
 * single-page app served from `/` of the same origin: scripts, styles, fonts and API calls from
 * 'self'; inline styles allowed because Mantine writes <style> tags and style attributes at run
 * time; images also as data: URIs (icons); no plugins, no framing, no foreign form targets.
 */
export function applyHttpSecurity(app: NestFastifyApplication, config: AppConfig): void {
  // Built once: building it per request (as @fastify/helmet does) parses the CSP every time.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The API serves no cross-origin resources a page should embed.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) =>
      securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
    );
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.http.corsOrigins,
      credentials: true,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['content-type', 'authorization', 'x-request-id'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    });
  }
}
