import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import depthLimit from 'graphql-depth-limit';
import { formatGraphQLError } from './format-error';

/** Deeper queries are refused before they run: the deepest legitimate query (a kit) is about 8. */
export const MAX_QUERY_DEPTH = 12;

/**
 * Apollo on Fastify, code-first. The schema is built in memory; `schema.gql` at the root is the
 * committed copy, kept equal by test/e2e/schema.e2e-spec.ts (`npm run schema:update` rewrites it).
 */
export function graphqlModule(config: AppConfig) {
  return GraphQLModule.forRoot<ApolloDriverConfig>({
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { dateScalarMode: 'isoDate' },
    playground: false,
    introspection: config.env !== 'production',
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    validationRules: [depthLimit(MAX_QUERY_DEPTH)],
    csrfPrevention: true,
    // The reply too, so that sign-in can set the refresh-token cookie. Apollo's CSRF prevention
    // (on by default) stays on: a browser must send a JSON content type or a preflight header.
    context: (req: FastifyRequest, reply: FastifyReply) => ({ req, reply }),
  });
}
