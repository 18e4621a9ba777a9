import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * In a GraphQL operation, hands every error straight to the GraphQL error formatter
 * (src/graphql/format-error.ts), which decides what it is: a client error (bad input, a conflict,
 * a refused access) is not logged as an error, and an unexpected one is logged there once, at
 * `error`, with its stack. Without this filter Nest logs each non-HTTP error itself as an unhandled
 * server error, database errors with their SQL. Other requests keep Nest's default handling.
 */
@Catch()
export class DomainExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
