import { Field, ObjectType } from '@nestjs/graphql';
import { BadUserInputException } from './errors/domain.exception';

/** Relay's PageInfo (https://relay.dev/graphql/connections.htm#sec-undefined.PageInfo): lists page forward only. */
@ObjectType({ description: 'Where a page of a connection sits in the whole list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'True when more items follow the last one of this page: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field({
    description:
      'True when items come before this page, that is, when it was asked for with `after`. Lists page forward only (`first`/`after`).',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor; null when the page is empty." })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The last item's cursor, to pass as `after` for the next page; null when the page is empty.",
  })
  endCursor!: string | null;
}

/** Keyset cursor over (createdAt, id): stable while rows are added, cheap at any depth. */
export interface Keyset {
  createdAt: Date;
  id: string;
}

export function encodeCursor(row: Keyset): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): Keyset {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new BadUserInputException('The cursor is not one this API gave out.', { after: 'unknown cursor' });
  }
  return { createdAt, id };
}

export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputException(`first must be between 1 and ${MAX_PAGE_SIZE}.`, {
      first: `must be 1..${MAX_PAGE_SIZE}`,
    });
  }
  return first;
}

/** Newest first: the filter that continues after a cursor. */
export function afterCursor(after: string | null | undefined) {
  if (!after) return {};
  const { createdAt, id } = decodeCursor(after);
  // The first condition lets an index on (…, created_at desc, id) start at the cursor; the second
  // breaks ties on created_at by id.
  return {
    createdAt: { $lte: createdAt },
    $or: [{ createdAt: { $lt: createdAt } }, { createdAt, id: { $gt: id } }],
  };
}

/**
 * `afterCursor` for hand-written SQL over a row aliased `alias`, newest first: the range on
 * created_at lets an index on (…, created_at desc, id) start at the cursor; the second condition
 * breaks ties on created_at by id. An empty condition without a cursor.
 */
export function afterCursorSql(alias: string, cursor: Keyset | null): { sql: string; params: unknown[] } {
  if (!cursor) return { sql: '', params: [] };
  return {
    sql: `${alias}.created_at <= ? and (${alias}.created_at < ? or (${alias}.created_at = ? and ${alias}.id > ?))`,
    params: [cursor.createdAt, cursor.createdAt, cursor.createdAt, cursor.id],
  };
}

export function connection<Row extends Keyset, Node>(
  rows: Row[],
  size: number,
  totalCount: number,
  toNode: (row: Row) => Node,
  after?: string | null,
) {
  const page = rows.slice(0, size);
  return {
    edges: page.map((row) => ({ cursor: encodeCursor(row), node: toNode(row) })),
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(after),
      startCursor: page.length ? encodeCursor(page[0]!) : null,
      endCursor: page.length ? encodeCursor(page.at(-1)!) : null,
    },
    totalCount,
  };
}
