import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../../libs/domain';
import { ForbiddenException, UnauthenticatedException } from '../errors/domain.exception';
import type { Actor } from './actor';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

/**
 * Turns an access token into the caller's actor, or throws UNAUTHENTICATED. Declared here so the
 * guard depends on no module; identity provides it (its TokenService).
 */
/** The token of an `Authorization: Bearer <token>` header, if that is what the header holds. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
}

export abstract class AccessTokenVerifier {
  abstract verifyAccessToken(token: string): Promise<Actor>;
}

/**
 * Global guard of GraphQL operations: a valid access token of an active user, and one of the
 * roles the operation declares. HTTP routes (health checks) are not GraphQL and pass through.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
    const actor = request.actor ?? (await this.authenticate(request));
    request.actor = actor;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      throw new ForbiddenException('This operation declares no roles and is closed to everyone.');
    }
    if (!roles.some((role) => actor.roles.includes(role))) {
      throw new ForbiddenException(`This operation needs one of the roles ${roles.join(', ')}.`);
    }
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Actor> {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthenticatedException();
    return this.tokens.verifyAccessToken(token);
  }
}
