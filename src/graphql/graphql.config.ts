import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
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
  });
}
