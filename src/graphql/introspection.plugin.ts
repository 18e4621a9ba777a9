import { Inject } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { FastifyRequest } from 'fastify';
import { visit, type DocumentNode } from 'graphql';
import { Role } from '../../libs/domain';
import { AccessTokenVerifier, bearerToken } from '../common/auth/access-token.guard';
import { ForbiddenException } from '../common/errors/domain.exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** True when the operation reads the schema itself (`__schema` or `__type`; `__typename` is data). */
export function readsSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/**
 * Introspection is open in development. In production only admins may read the schema (the API
 * explorer at GET /graphql is theirs); anyone else gets FORBIDDEN before anything runs.
 */
@Plugin()
export class IntrospectionPlugin implements ApolloServerPlugin<{ req: FastifyRequest }> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: AccessTokenVerifier,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<{ req: FastifyRequest }> | void> {
    if (this.config.env !== 'production') return;
    return {
      didResolveOperation: async ({ document, contextValue }) => {
        if (!readsSchema(document)) return;
        const token = bearerToken(contextValue.req.headers.authorization);
        const actor = token ? await this.tokens.verifyAccessToken(token).catch(() => null) : null;
        if (actor?.roles.includes(Role.ADMIN)) return;
        throw new ForbiddenException(
          'Reading the schema is for signed-in admins in production (the API explorer at /graphql).',
        );
      },
    };
  }
}
