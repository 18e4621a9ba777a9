import DataLoader from 'dataloader';

const LOADERS = Symbol('request loaders');

/**
 * Names one per-request loader. Declare one constant per loader in the module's `<module>.loaders.ts`:
 * the key is compared by identity, so two loaders can never share a slot by using the same string.
 */
export class LoaderKey<Key, Value> {
  /** Only carries the key and value types, so a loader is typed by its key. */
  private readonly types?: (key: Key) => Value;
  constructor(readonly name: string) {}
}

/**
 * A DataLoader that lives for one GraphQL request (it is kept on the request's context), so a
 * list of N items resolves a relation in one batch instead of N queries.
 */
export function requestLoader<Key, Value>(
  context: object,
  key: LoaderKey<Key, Value>,
  batch: (keys: readonly Key[]) => Promise<Array<Value | Error>>,
): DataLoader<Key, Value> {
  const holder = context as { [LOADERS]?: Map<LoaderKey<unknown, unknown>, DataLoader<Key, Value>> };
  const loaders = (holder[LOADERS] ??= new Map());
  let loader = loaders.get(key);
  if (!loader) {
    // Batching only, no cache: a later mutation in the same request must not read stale rows.
    loader = new DataLoader(batch, { cache: false });
    loaders.set(key, loader);
  }
  return loader;
}

/**
 * A batch's answer in the order of its keys: each id's row, mapped, or an Error naming what is missing
 * (DataLoader fails only that key).
 */
export function byId<Row extends { id: string }, Value>(
  ids: readonly string[],
  rows: readonly Row[],
  map: (row: Row) => Value,
  what: string,
): Array<Value | Error> {
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = found.get(id);
    return row ? map(row) : new Error(`${what} ${id} not found`);
  });
}

/** A batch's answer in the order of its keys: each key's rows (by `keyOf`), mapped, in the rows' order. */
export function groupedBy<Row, Value>(
  keys: readonly string[],
  rows: readonly Row[],
  keyOf: (row: Row) => string,
  map: (row: Row) => Value,
): Value[][] {
  const groups = new Map<string, Value[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(map(row));
  return keys.map((key) => groups.get(key)!);
}
