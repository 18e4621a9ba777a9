import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { AuthenticatedRequest } from '../auth/access-token.guard';
import { PUBLIC_KEY } from '../auth/auth.decorators';
import { RateLimits } from './rate-limits';

/**
 * Global guard, after AccessTokenGuard: each mutation of a signed-in user (each alias on its own)
 * counts against the user's per-minute limit. Public mutations (login) have their own limits.
 */
@Injectable()
export class MutationRateLimitGuard implements CanActivate {
  constructor(
    private readonly limits: RateLimits,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    if (gql.getInfo<{ parentType: { name: string } }>().parentType.name !== 'Mutation') return true;
    // A sign-in earlier in the same request sets the actor; the later ones still count as sign-ins only.
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    const userId = gql.getContext<{ req: AuthenticatedRequest }>().req.actor?.userId;
    if (userId) await this.limits.mutation(userId);
    return true;
  }
}
