/**
 * A GraphQL document with the TypeScript types of its result and variables, written by hand next
 * to the text: `TestApi.gql(operation, variables)` checks the variables and types `data`. The
 * operations of libs/testing/operations are validated against schema.gql by a unit test.
 */
export interface Operation<Data, Variables> {
  readonly text: string;
  /** Never set: carries the types to TestApi.gql. */
  readonly types?: { data: Data; variables: Variables };
}

/** An operation without variables. */
export type NoVariables = Record<string, never>;

export function operation<Data, Variables = NoVariables>(text: string): Operation<Data, Variables> {
  return { text };
}

export function isOperation(value: unknown): value is Operation<unknown, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string';
}
