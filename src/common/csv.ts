import { stringify } from 'csv-stringify/sync';

/** A cell a spreadsheet would run as a formula (OWASP CSV injection): `=`, `+`, `-`, `@`, tab, CR first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text cells that a spreadsheet would evaluate get a leading `'`, so they show as the text they are. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Every CSV the service writes goes through here: a header line, then one line per row, text
 * cells neutralised. Numbers stay numbers (a negative figure is not a formula).
 */
export function toCsv(rows: object[]): string {
  return stringify(rows, {
    header: true,
    columns: rows.length ? Object.keys(rows[0]!) : undefined,
    cast: { string: neutraliseFormula },
  });
}
