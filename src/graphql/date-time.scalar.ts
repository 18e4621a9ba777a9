import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Dates outside these years are refused: nothing in hiring happens there, and both ends stay 4-digit. */
export const EARLIEST_YEAR = 1970;
export const LATEST_YEAR = 2999;

// A date, or a date-time with seconds optional and a zone (Z or ±hh:mm) required: no local times.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

function parse(value: unknown): Date {
  if (typeof value !== 'string') {
    throw new GraphQLError('A date-time must be a string such as 2026-03-02T09:30:00Z.');
  }
  const match = ISO_DATE_TIME.exec(value);
  if (!match) {
    throw new GraphQLError(
      'A date-time must be ISO 8601 with a time zone, such as 2026-03-02T09:30:00Z or 2026-03-02T10:30:00+01:00.',
    );
  }
  const [year, month, day, hour = '0', minute = '0', second = '0'] = match.slice(1).map((part) => part ?? '0');
  const date = new Date(value);
  // `new Date('2026-02-30')` rolls over to March; the calendar check refuses it instead.
  const probe = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const calendarOk =
    probe.getUTCMonth() === Number(month) - 1 &&
    probe.getUTCDate() === Number(day) &&
    Number(hour) < 24 &&
    Number(minute) < 60 &&
    Number(second) < 60;
  if (!calendarOk || Number.isNaN(date.getTime())) throw new GraphQLError(`${value} is not a date on the calendar.`);
  if (date.getUTCFullYear() < EARLIEST_YEAR || date.getUTCFullYear() > LATEST_YEAR) {
    throw new GraphQLError(`A date must be between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}.`);
  }
  return date;
}

/**
 * The contract's `DateTime`, strict: an invalid or out-of-range date is the caller's mistake
 * (BAD_USER_INPUT naming the field), never a Date that PostgreSQL later refuses with a 500.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize(value) {
    return value instanceof Date ? value.toISOString() : (null as unknown as string);
  },
  parseValue: parse,
  parseLiteral(ast) {
    // The node lets the error formatter name the field the value was written in.
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('A date-time must be a string such as 2026-03-02T09:30:00Z.', { nodes: ast });
    }
    try {
      return parse(ast.value);
    } catch (error) {
      throw new GraphQLError((error as Error).message, { nodes: ast });
    }
  },
});
