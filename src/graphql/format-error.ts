import { GraphQLError, Kind, parse, visit, type ASTNode, type GraphQLFormattedError } from 'graphql';
import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import {
  DeadlockException,
  DriverException,
  LockWaitTimeoutException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { DomainException, ErrorCode, type FieldErrors } from '../common/errors/domain.exception';

const logger = new Logger('GraphQLErrors');

interface Mapped {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
  details?: Record<string, unknown>;
}

/** Apollo's own codes for requests that never reached a resolver. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function fromHttpStatus(status: number): ErrorCode {
  switch (status) {
    case HttpStatus.UNAUTHORIZED:
      return ErrorCode.UNAUTHENTICATED;
    case HttpStatus.FORBIDDEN:
      return ErrorCode.FORBIDDEN;
    case HttpStatus.NOT_FOUND:
      return ErrorCode.NOT_FOUND;
    case HttpStatus.CONFLICT:
      return ErrorCode.CONFLICT;
    case HttpStatus.TOO_MANY_REQUESTS:
      return ErrorCode.RATE_LIMITED;
    case HttpStatus.BAD_REQUEST:
    case HttpStatus.UNPROCESSABLE_ENTITY:
      return ErrorCode.BAD_USER_INPUT;
    default:
      return ErrorCode.INTERNAL_SERVER_ERROR;
  }
}

/** `Variable "$input" got invalid value "X" at "input.roles[0]"; Value "X" does not exist…` -> a field entry. */
function variableFields(message: string): FieldErrors {
  const match = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s.exec(message);
  if (!match) return {};
  return { [match[2] ?? match[1]!]: match[3]!.replace(/^Expected type "\w+"\. (?=\S)/, '') };
}

/**
 * A wrong value written in the query (`Expected value of type "Int!", found "x"`, or a scalar's own
 * error) names no field: find the argument and input fields around the value (`input.startsAt`).
 */
function literalFields(error: unknown, message: string): FieldErrors {
  const node = error instanceof GraphQLError ? error.nodes?.[0] : undefined;
  if (!(error instanceof GraphQLError) || !error.source || !node?.loc || !node.kind.endsWith('Value')) return {};
  const reason = /^Expected value of type "[^"]+", found .*?(?:; (.*))?$/s.exec(message)?.[1] ?? message;
  const start = node.loc.start;
  let path: string | undefined;
  try {
    visit(parse(error.source), {
      enter(node, _key, parent, _path, ancestors) {
        if (path !== undefined || node.loc?.start !== start || !('kind' in node) || !node.kind.endsWith('Value')) {
          return;
        }
        const names: string[] = [];
        // `ancestors` stops above `parent`.
        for (const ancestor of [...ancestors, parent] as ASTNode[]) {
          if (
            ancestor &&
            'kind' in ancestor &&
            (ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.OBJECT_FIELD)
          ) {
            names.push(ancestor.name.value);
          }
        }
        path = names.join('.');
      },
    });
  } catch {
    return {};
  }
  return path ? { [path]: reason } : {};
}

function map(formatted: GraphQLFormattedError, original: unknown, outer: unknown): Mapped {
  if (original instanceof DomainException) {
    return { code: original.code, message: original.message, fields: original.fields, details: original.details };
  }
  if (original instanceof ThrottlerException) {
    return { code: ErrorCode.RATE_LIMITED, message: 'Too many attempts: wait a minute and try again.' };
  }
  if (original instanceof UniqueConstraintViolationException) {
    // Services translate the constraints they expect; this is the safety net for a race they did not.
    return {
      code: ErrorCode.CONFLICT,
      message: 'This record already exists or was changed concurrently; reload and retry.',
    };
  }
  if (original instanceof DeadlockException || original instanceof LockWaitTimeoutException) {
    return {
      code: ErrorCode.CONFLICT,
      message: 'Another change to the same records happened at the same moment; try again.',
    };
  }
  // 22P02: a value PostgreSQL cannot read as its column type, e.g. an id that is not a UUID.
  if (original instanceof DriverException && (original as { code?: string }).code === '22P02') {
    return { code: ErrorCode.BAD_USER_INPUT, message: 'An id or value in the request is malformed (ids are UUIDs).' };
  }
  if (original instanceof HttpException) {
    const code = fromHttpStatus(original.getStatus());
    if (code !== ErrorCode.INTERNAL_SERVER_ERROR) return { code, message: original.message };
  }
  const apolloCode = formatted.extensions?.code;
  // A GraphQLError with no cause is the request's fault: syntax, unknown field, wrong variable type.
  if (original instanceof GraphQLError || (typeof apolloCode === 'string' && REQUEST_ERROR_CODES.has(apolloCode))) {
    const fields = { ...variableFields(formatted.message), ...literalFields(outer, formatted.message) };
    return { code: ErrorCode.BAD_USER_INPUT, message: formatted.message, fields };
  }
  logger.error({ err: original, path: formatted.path }, 'Unexpected error in a GraphQL operation');
  return {
    code: ErrorCode.INTERNAL_SERVER_ERROR,
    message: 'Something went wrong on our side; it has been logged. Try again.',
  };
}

/**
 * The one place errors become the contract's shape. Only the message, path and the contract's
 * extensions leave the server: no stack trace, no SQL, no internal class names.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  let original = error;
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  const mapped = map(formatted, original, error);
  const extensions: Record<string, unknown> = { code: mapped.code };
  if (mapped.code === ErrorCode.BAD_USER_INPUT) extensions.fields = mapped.fields ?? {};
  if (mapped.details) Object.assign(extensions, mapped.details);
  return { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions };
}

/** The contract's error code an error would be answered with (for the audit log); logs nothing. */
export function errorCodeOf(error: unknown): ErrorCode {
  let original = error;
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  if (original instanceof DomainException) return original.code;
  if (original instanceof ThrottlerException) return ErrorCode.RATE_LIMITED;
  if (original instanceof UniqueConstraintViolationException) return ErrorCode.CONFLICT;
  if (original instanceof DeadlockException || original instanceof LockWaitTimeoutException) return ErrorCode.CONFLICT;
  if (original instanceof DriverException && (original as { code?: string }).code === '22P02') {
    return ErrorCode.BAD_USER_INPUT;
  }
  if (original instanceof HttpException) return fromHttpStatus(original.getStatus());
  if (original instanceof GraphQLError) return ErrorCode.BAD_USER_INPUT;
  return ErrorCode.INTERNAL_SERVER_ERROR;
}
