import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { serveAdminQueues, type AdminAccess } from './admin-queues';
import { ApiModule } from './api.module';
import type { AppConfig } from './config/app-config';
import { applyHttpSecurity } from './config/http-security';
import { closeOnSignals } from './config/process-exit';
import { waitForDependencies } from './config/wait-for-dependencies';
import { Role } from '../libs/domain';
import { bearerToken } from './common/auth/access-token.guard';
import { RefreshTokenCookie, TokenService } from './modules/identity';
import { serveWebApp, type ExplorerAccess } from './web-app';

/** Builds the API application (used by serveApi below, the tests and the benches). */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config),
    new FastifyAdapter({
      trustProxy: true,
      bodyLimit: 5 * 1024 * 1024,
      // A caller's well-formed X-Request-Id is kept so one id follows a request across services.
      requestIdHeader: false,
      genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
        const given = request.headers['x-request-id'];
        return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
      },
    }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  applyHttpSecurity(app, config);
  await serveAdminQueues(app, config, adminAccess(app));
  await serveWebApp(app, config.web.distDir, explorerAccess(app, config));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
  return app;
}

/**
 * The API explorer at GET /graphql: open in development; in production for admins signed in to the
 * web app (its refresh-token cookie, read without being exchanged).
 */
function explorerAccess(app: NestFastifyApplication, config: AppConfig): ExplorerAccess {
  if (config.env !== 'production') return async () => 'allowed';
  const cookie = app.get(RefreshTokenCookie);
  const tokens = app.get(TokenService);
  return async (req) => {
    const refreshToken = cookie.read({ req });
    const user = refreshToken ? await tokens.userOfRefreshToken(refreshToken) : null;
    if (!user) return 'unauthenticated';
    return user.roles.includes(Role.ADMIN) ? 'allowed' : 'forbidden';
  };
}

/**
 * Bull Board at /admin/queues, in every environment, for an admin: an access token
 * (`Authorization: Bearer`), or the web app's refresh-token cookie (read without being exchanged).
 */
function adminAccess(app: NestFastifyApplication): AdminAccess {
  const cookie = app.get(RefreshTokenCookie);
  const tokens = app.get(TokenService);
  return async (req) => {
    let roles: readonly Role[] | null;
    const accessToken = bearerToken(req.headers.authorization);
    if (accessToken) {
      roles = await tokens.verifyAccessToken(accessToken).then(
        (actor) => actor.roles,
        () => null,
      );
    } else {
      const refreshToken = cookie.read({ req });
      roles = refreshToken ? ((await tokens.userOfRefreshToken(refreshToken))?.roles ?? null) : null;
    }
    if (!roles) return 'unauthenticated';
    return roles.includes(Role.ADMIN) ? 'allowed' : 'forbidden';
  };
}

/** One API process: waits for PostgreSQL and Redis, builds the application and listens on PORT. */
export async function serveApi(config: AppConfig): Promise<void> {
  await waitForDependencies(config, { redis: true });
  const app = await createApiApp(config);
  closeOnSignals(app, config.shutdownTimeoutSeconds);
  await app.listen(config.http.port, config.http.host);
  app
    .get(Logger)
    .log(`API listening on http://${config.http.host}:${config.http.port}/ (web app at /, GraphQL at /graphql)`);
  if (!existsSync(join(config.web.distDir, 'index.html'))) {
    app.get(Logger).warn(`No web app in ${config.web.distDir} (run npm run build): nothing is served at /`);
  }
}
