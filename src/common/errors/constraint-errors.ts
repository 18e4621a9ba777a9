import { LockWaitTimeoutException, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

/**
 * PostgreSQL errors that settle races, recognised in one place. MikroORM maps some of them to its
 * own classes and passes the others through with PostgreSQL's SQLSTATE in `code`.
 */
interface DatabaseError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** 23505: a unique constraint refused the row (two writers raced, or the value is taken). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof UniqueConstraintViolationException || (error as DatabaseError)?.code === '23505';
}

/** 23P01: an exclusion constraint refused the row (e.g. two overlapping bookings of one interviewer). */
export function isExclusionViolation(error: unknown): error is DatabaseError {
  return (error as DatabaseError)?.code === '23P01';
}

/** 55P03: a NOWAIT lock is held by another transaction (MikroORM does not always map it). */
export function isLockNotAvailable(error: unknown): boolean {
  return error instanceof LockWaitTimeoutException || (error as DatabaseError)?.code === '55P03';
}
