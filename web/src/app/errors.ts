import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** One GraphQL error as the API formats it (src/graphql/format-error.ts). */
export interface ApiError {
  message: string;
  code: string;
  /** For BAD_USER_INPUT: the message of each wrong field, by path (e.g. "input.email"). */
  fields: Record<string, string>;
}

const OFFLINE = 'Cannot reach the server. Check your connection and try again.';

/** The server's first error, or a plain message for a network failure. */
export function apiError(error: unknown): ApiError | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = (first?.extensions ?? {}) as { code?: string; fields?: Record<string, string> };
    return {
      message: first?.message ?? 'The server refused the request.',
      code: extensions.code ?? 'INTERNAL_SERVER_ERROR',
      fields: extensions.fields ?? {},
    };
  }
  if (error instanceof ApiRequestError) return error.apiError;
  return { message: OFFLINE, code: 'NETWORK', fields: {} };
}

/** The message of a field of a BAD_USER_INPUT error, looked up by the field's last path segment. */
export function fieldError(error: ApiError | null, field: string): string | undefined {
  if (!error) return undefined;
  const entry = Object.entries(error.fields).find(([path]) => path === field || path.endsWith(`.${field}`));
  return entry?.[1];
}

/** An error from a request made outside Apollo (the session's own requests). */
export class ApiRequestError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
  }
}

export const offlineError = (): ApiError => ({ message: OFFLINE, code: 'NETWORK', fields: {} });
