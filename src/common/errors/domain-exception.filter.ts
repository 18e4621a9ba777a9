import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DriverException } from '@mikro-orm/core';
import { DomainException } from './domain.exception';

/**
 * Hands user-caused errors and database driver errors straight to the GraphQL error formatter,
 * which decides what they are: a client error (a conflict, a malformed id) is not logged as one,
 * and an unexpected one is logged there once, at `error`, with its stack. Without this filter Nest
 * logs each of them as an unhandled server error, with the SQL in the message.
 */
@Catch(DomainException, DriverException)
export class DomainExceptionFilter implements GqlExceptionFilter {
  catch(exception: DomainException | DriverException): DomainException | DriverException {
    return exception;
  }
}
