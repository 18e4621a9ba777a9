import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { catchError, defer, from, map, mergeMap, throwError, type Observable } from 'rxjs';
import { normalizeEmail } from '../../../libs/domain';
import { UnauthenticatedException } from '../errors/domain.exception';
import { RateLimits } from './rate-limits';

/**
 * Wraps the `login` resolver: refused while the account is locked or the address failed too
 * often; a wrong password counts against both; a success forgets the account's failures. It runs
 * once per resolver call, so each aliased `login` in one request counts on its own.
 */
@Injectable()
export class LoginThrottle implements NestInterceptor {
  private limitsInstance?: RateLimits;

  // Looked up on first use: the worker loads the identity module (so this interceptor) but has no
  // rate limits and never serves a login.
  constructor(private readonly moduleRef: ModuleRef) {}

  private get limits(): RateLimits {
    this.limitsInstance ??= this.moduleRef.get(RateLimits, { strict: false });
    return this.limitsInstance;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const gql = GqlExecutionContext.create(context);
    const ip = gql.getContext<{ req: FastifyRequest }>().req.ip;
    const email = normalizeEmail(String(gql.getArgs<{ input?: { email?: unknown } }>().input?.email ?? ''));
    return defer(() => this.limits.beforeLogin(ip, email)).pipe(
      mergeMap(() => next.handle()),
      mergeMap((result) => from(this.limits.loginSucceeded(email)).pipe(map(() => result))),
      catchError((error: unknown) =>
        error instanceof UnauthenticatedException
          ? from(this.limits.loginFailed(ip, email)).pipe(mergeMap(() => throwError(() => error)))
          : throwError(() => error),
      ),
    );
  }
}
