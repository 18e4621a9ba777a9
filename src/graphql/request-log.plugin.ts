import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode } from 'graphql';
import type { AuthenticatedRequest } from '../common/auth/access-token.guard';
import { setRequestLogFields } from '../config/logging';

/**
 * Gives the HTTP access line of a GraphQL request its operation name, the signed-in user and the
 * outcome (`OK` or the first error's code), for pino-http to write once the response is sent.
 */
export const requestLogPlugin: ApolloServerPlugin<{ req?: AuthenticatedRequest }> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, document, operationName, request, response }) {
        const req = contextValue.req;
        if (!req?.raw) return;
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        const code = errors?.[0]?.extensions?.code;
        setRequestLogFields(req.raw, {
          operationName: operationName ?? request.operationName ?? firstOperationName(document),
          userId: req.actor?.userId ?? null,
          outcome: errors?.length ? (typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR') : 'OK',
        });
      },
    };
  },
};

/** A query that failed validation has no resolved operation yet; its document still names it. */
function firstOperationName(document: DocumentNode | undefined): string | null {
  for (const definition of document?.definitions ?? []) {
    if (definition.kind === Kind.OPERATION_DEFINITION) return definition.name?.value ?? null;
  }
  return null;
}
