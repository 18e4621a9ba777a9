import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** The GraphQL context on Fastify: the request, and the reply when the operation came over HTTP. */
export interface HttpContext {
  req: FastifyRequest;
  reply?: FastifyReply;
}

const NAME = 'ip_refresh_token';
const PATH = '/graphql';
/** Also sent to Bull Board (src/admin-queues.ts), which lets an admin's browser session in by it. */
const ADMIN_QUEUES_PATH = '/admin/queues';

/**
 * The web app's refresh token: an httpOnly cookie (no script can read it), SameSite=Strict (no other
 * site's page can make the browser send it), Secure in production, sent only to /graphql (and, as a
 * second cookie of the same name, to the admins' queue board at /admin/queues). `login`
 * sets it, `refreshToken` rotates it, `revokeRefreshToken` clears it. API clients may keep using
 * the token in the payload instead. The token is base64url, so it needs no cookie encoding.
 */
@Injectable()
export class RefreshTokenCookie {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  read(context: HttpContext): string | undefined {
    const header = context.req.headers.cookie ?? '';
    for (const pair of header.split(';')) {
      const [name, ...value] = pair.trim().split('=');
      if (name === NAME && /^[\w-]+$/.test(value.join('='))) return value.join('=');
    }
    return undefined;
  }

  set(context: HttpContext, refreshToken: string): void {
    this.write(context, refreshToken, this.config.auth.refreshTtlDays * 86_400);
  }

  clear(context: HttpContext): void {
    this.write(context, '', 0);
  }

  private write(context: HttpContext, value: string, maxAgeSeconds: number): void {
    const cookies = [PATH, ADMIN_QUEUES_PATH].map((path) => {
      const attributes = [
        `${NAME}=${value}`,
        `Path=${path}`,
        `Max-Age=${maxAgeSeconds}`,
        'HttpOnly',
        'SameSite=Strict',
      ];
      if (this.config.env === 'production') attributes.push('Secure');
      return attributes.join('; ');
    });
    context.reply?.header('set-cookie', cookies);
  }
}
