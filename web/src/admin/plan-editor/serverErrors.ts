import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { apiError, type ApiError } from '../../app/errors';

/**
 * The API names wrong fields in two ways: the input's own checks (`input.rubric.criteria.0.weight`)
 * and the plan rules run on the whole plan after the edit (`stages[2].rubric.criteria[0].weight`).
 * Both become a path relative to the stage being edited (`rubric.criteria.0.weight`), so a form
 * can put each message under the field it names.
 */
export interface ServerErrors {
  problem: ApiError | null;
  /** The message for a field (or any item of a list field), by its path in the stage. */
  field: (path: string) => string | undefined;
  /** True when a message names no field this form shows: the form shows the whole message then. */
  unplaced: boolean;
}

function relativePath(path: string, stageIndex: number | null): string | null {
  let relative = path.replace(/\[(\d+)\]/g, '.$1');
  relative = relative.replace(/^input\./, '');
  const stage = /^stages\.(\d+)\.(.*)$/.exec(relative);
  if (stage) {
    if (stageIndex !== null && Number(stage[1]) !== stageIndex) return null;
    relative = stage[2]!;
  }
  return relative;
}

/**
 * `known` lists the paths a form shows (a list such as `focusAreas` covers its items); `stageIndex`
 * is the stage's place in the plan (order - 1), so a plan rule about another stage is not put here.
 */
export function serverErrors(error: unknown, known: string[], stageIndex: number | null = null): ServerErrors {
  const problem = apiError(error);
  const entries = Object.entries(problem?.fields ?? {}).map(
    ([path, message]) => [relativePath(path, stageIndex), message] as const,
  );
  const matches = (path: string | null, field: string) =>
    path !== null && (path === field || path.startsWith(`${field}.`));
  return {
    problem,
    field: (field) => {
      const found = entries.filter(([path]) => matches(path, field));
      return found.length ? found.map(([, message]) => message).join('; ') : undefined;
    },
    unplaced:
      problem !== null &&
      (entries.length === 0 || entries.some(([path]) => !known.some((field) => matches(path, field)))),
  };
}

/** For CONFLICT on an old template version: the id of the latest one, when the API names it. */
export function latestVersionId(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const latestId = error.errors[0]?.extensions?.latestId;
  return typeof latestId === 'string' ? latestId : null;
}
