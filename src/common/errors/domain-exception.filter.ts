import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainException } from './domain.exception';

/**
 * Hands user-caused errors straight to the GraphQL error formatter. Without it Nest logs each one
 * as an unhandled server error.
 */
@Catch(DomainException)
export class DomainExceptionFilter implements GqlExceptionFilter {
  catch(exception: DomainException): DomainException {
    return exception;
  }
}
