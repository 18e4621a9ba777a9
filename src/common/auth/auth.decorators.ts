import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '../../../libs/domain';
import type { AuthenticatedRequest } from './access-token.guard';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** The operation needs no access token (login, refreshToken). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Who may call the operation. Every resolver method declares this or `@Public()`: an operation
 * without either is refused, so forgetting it cannot open an endpoint.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The signed-in user's actor (id and roles). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  return request.actor;
});
