import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { DateTimeScalar } from './date-time.scalar';
import { describeSchema } from './describe-schema';
import { formatGraphQLError } from './format-error';
import { queryLimits } from './query-limits';
import { requestLogPlugin } from './request-log.plugin';
import { responseHeadersPlugin } from './response-headers.plugin';
import { SCHEMA_DESCRIPTIONS } from './schema-descriptions';

/**
 * Apollo on Fastify, code-first. The schema is built in memory; `schema.gql` at the root is the
 * committed copy, kept equal by test/e2e/schema.e2e-spec.ts (`npm run schema:update` rewrites it).
 */
export function graphqlModule(config: AppConfig) {
  const limits = queryLimits({ blockFieldSuggestions: config.env === 'production', overrides: config.queryLimits });
  return GraphQLModule.forRoot<ApolloDriverConfig>({
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    // Descriptions not given in code come from one map (schema-descriptions.ts); a stale entry stops the start.
    transformSchema: (schema) => describeSchema(schema, SCHEMA_DESCRIPTIONS),
    buildSchemaOptions: { dateScalarMode: 'isoDate', scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    playground: false,
    // Open in development; in production for admins only (IntrospectionPlugin).
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    // Size limits are validation rules: a refused operation never reaches a resolver.
    validationRules: limits.validationRules,
    // No per-field cache hints: responseHeadersPlugin marks every answer no-store instead.
    plugins: [...limits.plugins, ApolloServerPluginCacheControlDisabled(), responseHeadersPlugin, requestLogPlugin],
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // The reply too, so that sign-in can set the refresh-token cookie. Apollo's CSRF prevention
    // stays on: a browser must send a JSON content type or a preflight header.
    context: (req: FastifyRequest, reply: FastifyReply) => ({ req, reply }),
  });
}
