import DataLoader from 'dataloader';

const LOADERS = Symbol('request loaders');

/**
 * A DataLoader that lives for one GraphQL request (it is kept on the request's context), so a
 * list of N items resolves a relation in one batch instead of N queries.
 */
export function requestLoader<Key, Value>(
  context: object,
  name: string,
  batch: (keys: readonly Key[]) => Promise<Array<Value | Error>>,
): DataLoader<Key, Value> {
  const holder = context as { [LOADERS]?: Map<string, DataLoader<Key, Value>> };
  const loaders = (holder[LOADERS] ??= new Map());
  let loader = loaders.get(name);
  if (!loader) {
    // Batching only, no cache: a later mutation in the same request must not read stale rows.
    loader = new DataLoader(batch, { cache: false });
    loaders.set(name, loader);
  }
  return loader;
}
