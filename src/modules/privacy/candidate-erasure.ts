import type { EntityManager } from '@mikro-orm/postgresql';

/** What an erased candidate's name becomes. */
export const ERASED_NAME = 'Erased candidate';
/** What a mention of the candidate in free text becomes. */
export const ERASED_MARK = '[erased]';

/** Tables never scrubbed: the audit log holds no personal values (and refuses UPDATE), the migrations are code. */
const UNTOUCHED_TABLES = new Set(['audit_entry', 'mikro_orm_migrations']);
/** Columns that tie a row to a candidate, with the set of ids they point into. */
const LINKS = ['candidate_id', 'application_id', 'interview_id', 'scorecard_id'] as const;
type Link = (typeof LINKS)[number];

export interface TextColumn {
  table: string;
  column: string;
  /** text/varchar, a text array, or json(b). */
  kind: 'text' | 'array' | 'json';
}

/** Every text-bearing column of every application table, from the catalog (new tables are covered by themselves). */
export async function textColumns(em: EntityManager): Promise<TextColumn[]> {
  const rows = await em.execute<
    Array<{ table_name: string; column_name: string; data_type: string; udt_name: string }>
  >(
    `select c.table_name, c.column_name, c.data_type, c.udt_name
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        and (c.data_type in ('text', 'character varying', 'json', 'jsonb')
             or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
      order by c.table_name, c.ordinal_position`,
  );
  return rows
    .filter((row) => !UNTOUCHED_TABLES.has(row.table_name))
    .map((row) => ({
      table: row.table_name,
      column: row.column_name,
      kind: row.data_type === 'ARRAY' ? 'array' : row.data_type.startsWith('json') ? 'json' : 'text',
    }));
}

/** The link columns of each table (tables with none are absent). */
export async function linkColumns(em: EntityManager): Promise<Map<string, Link[]>> {
  const rows = await em.execute<Array<{ table_name: string; column_name: Link }>>(
    `select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and column_name = any(?) and data_type = 'uuid'`,
    [`{${LINKS.join(',')}}`],
  );
  const links = new Map<string, Link[]>();
  for (const row of rows) {
    if (UNTOUCHED_TABLES.has(row.table_name)) continue;
    links.set(row.table_name, [...(links.get(row.table_name) ?? []), row.column_name]);
  }
  return links;
}

/** The ids tied to a candidate: their applications, those applications' interviews, and those interviews' scorecards. */
export async function linkedIds(em: EntityManager, candidateId: string): Promise<Record<Link, string[]>> {
  const ids = async (sql: string, params: unknown[]) =>
    (await em.execute<Array<{ id: string }>>(sql, params)).map((row) => row.id);
  const applications = await ids('select id from application where candidate_id = ?', [candidateId]);
  const interviews = await ids('select id from interview where application_id = any(?::uuid[])', [pg(applications)]);
  const scorecards = await ids('select id from scorecard where interview_id = any(?::uuid[])', [pg(interviews)]);
  return {
    candidate_id: [candidateId],
    application_id: applications,
    interview_id: interviews,
    scorecard_id: scorecards,
  };
}

/** A PostgreSQL array literal of uuids. */
export function pg(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

/** A POSIX regular expression matching `text` literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces, in one column, every case-insensitive match of `pattern` by ERASED_MARK, in the rows
 * `where` selects. JSON is scrubbed as text (the mark holds no character JSON escapes).
 */
async function scrubColumn(
  em: EntityManager,
  column: TextColumn,
  pattern: string,
  where: { sql: string; params: unknown[] },
): Promise<number> {
  const c = `"${column.column}"`;
  const replaced = `regexp_replace(%s, ?, '${ERASED_MARK}', 'gi')`;
  const [set, test] =
    column.kind === 'text'
      ? [replaced.replace('%s', c), `${c} ~* ?`]
      : column.kind === 'json'
        ? [`(${replaced.replace('%s', `${c}::text`)})::${await jsonType(em, column)}`, `${c}::text ~* ?`]
        : [
            `array(select ${replaced.replace('%s', 'x')} from unnest(${c}) as x)`,
            `array_to_string(${c}, chr(31)) ~* ?`,
          ];
  const result = await em.execute(
    `update "${column.table}" set ${c} = ${set} where ${test} and (${where.sql})`,
    [pattern, pattern, ...where.params],
    'run',
  );
  return (result as { affectedRows?: number }).affectedRows ?? 0;
}

const jsonTypes = new Map<string, string>();
async function jsonType(em: EntityManager, column: TextColumn): Promise<string> {
  const key = `${column.table}.${column.column}`;
  if (!jsonTypes.has(key)) {
    const [row] = await em.execute<Array<{ data_type: string }>>(
      `select data_type from information_schema.columns where table_schema = current_schema() and table_name = ? and column_name = ?`,
      [column.table, column.column],
    );
    jsonTypes.set(key, row!.data_type);
  }
  return jsonTypes.get(key)!;
}

/**
 * Scrubs the candidate from free text everywhere (docs/security.md#erasure):
 * - their e-mail and phone number in every text column of every table;
 * - their full name, and each word of it of 3 letters or more, in the rows tied to them (their
 *   applications, interviews, scorecards and any table pointing at those) and in notifications.
 * The name alone is not scrubbed in unrelated rows: another candidate may share it.
 */
export async function scrubFreeText(
  em: EntityManager,
  person: { name: string; email: string; phone: string | null },
  ids: Record<Link, string[]>,
): Promise<void> {
  const columns = await textColumns(em);
  const links = await linkColumns(em);
  const identifiers = [
    person.email,
    ...(person.phone && person.phone.replace(/\D/g, '').length >= 5 ? [person.phone] : []),
  ];
  const everywhere = identifiers.map(literal).join('|');
  const words = person.name.split(/\s+/).filter((word) => word.length >= 3);
  const nameWords = [literal(person.name), ...words.map((word) => `\\m${literal(word)}\\M`)].join('|');
  for (const column of columns) {
    if (column.table === 'candidate') continue;
    await scrubColumn(em, column, everywhere, { sql: 'true', params: [] });
    const tied = links.get(column.table) ?? [];
    const conditions = tied.filter((link) => ids[link].length > 0);
    if (conditions.length) {
      await scrubColumn(em, column, nameWords, {
        sql: conditions.map((link) => `"${link}" = any(?::uuid[])`).join(' or '),
        params: conditions.map((link) => pg(ids[link])),
      });
    } else if (column.table === 'notification') {
      await scrubColumn(em, column, literal(person.name), { sql: 'true', params: [] });
    }
  }
}
