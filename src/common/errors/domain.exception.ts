/** The error codes of the public contract (`extensions.code`). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** `{ "input.email": "must be an email address" }`: which input field is wrong, and why. */
export type FieldErrors = Record<string, string>;

/**
 * Base of every error a user can cause. Modules throw subclasses (or these helpers); the GraphQL
 * error formatter turns them into the contract's `extensions`. Anything else is an internal error.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** Extra machine-readable details, e.g. the id of an existing record on CONFLICT. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadUserInputException extends DomainException {
  constructor(message: string, fields: FieldErrors) {
    super(ErrorCode.BAD_USER_INPUT, message, fields);
  }
}

export class NotFoundException extends DomainException {
  constructor(what: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${what} ${id} does not exist or is not visible to you.`, undefined, { id });
  }
}

export class ConflictException extends DomainException {
  constructor(message: string, details?: Record<string, unknown>) {
    super(ErrorCode.CONFLICT, message, undefined, details);
  }
}

export class UnauthenticatedException extends DomainException {
  constructor(message = 'Sign in first: send a valid access token as "Authorization: Bearer <token>".') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenException extends DomainException {
  constructor(message: string) {
    super(ErrorCode.FORBIDDEN, message);
  }
}
