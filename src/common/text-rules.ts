import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import type { FieldErrors } from './errors/domain.exception';

/**
 * Rules every string and list of every GraphQL argument and input field obeys, applied by the
 * global validation pipe so a field added later is covered without a decorator:
 *
 * - at most DEFAULT_MAX_TEXT_LENGTH characters, unless the field declares its own `@MaxLength`;
 * - at most DEFAULT_MAX_LIST_LENGTH items in a list, unless it declares `@ArrayMaxSize`;
 * - no control characters (NUL, the C0 range except tab and line breaks, DEL, the C1 range),
 *   which PostgreSQL refuses (NUL) or which corrupt logs, CSV files and screens;
 * - in names (`name`, `title` or a property ending in `Name`): not blank after trimming, and no
 *   tabs, line breaks or bidirectional controls, which can make a name display as another one.
 *
 * `@RawText()` exempts a field from the control-character rule when its service checks the text
 * itself (the CSV of a candidate import reports a bad row by line instead of refusing the file).
 */
export const DEFAULT_MAX_TEXT_LENGTH = 10_000;
export const DEFAULT_MAX_LIST_LENGTH = 1_000;

const RAW_TEXT = Symbol('rawText');

export function RawText(): PropertyDecorator {
  return (target, property) => Reflect.defineMetadata(RAW_TEXT, true, target, property);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const NAME_FORBIDDEN = /[\t\n\r\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isNameField = (property: string) => property === 'name' || property === 'title' || /.Name$/.test(property);

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The `@MaxLength` / `@ArrayMaxSize` a class declares on a property, if any. */
function declaredLimit(target: object | undefined, property: string, name: string): number | undefined {
  if (!target) return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((entry) => entry.propertyName === property && entry.name === name);
  return metadata ? Number(metadata.constraints[0]) : undefined;
}

function checkString(value: string, path: string, property: string, owner: object | undefined, into: FieldErrors) {
  const max = declaredLimit(owner, property, 'maxLength') ?? DEFAULT_MAX_TEXT_LENGTH;
  if (value.length > max) {
    into[path] = `must be at most ${max} characters (got ${value.length})`;
    return;
  }
  const raw = owner !== undefined && Reflect.getMetadata(RAW_TEXT, owner, property) === true;
  const control = raw ? null : CONTROL.exec(value);
  if (control) {
    into[path] = `must not contain control characters (found ${codePoint(control[0])})`;
    return;
  }
  if (isNameField(property)) {
    if (value.trim() === '') into[path] = 'must not be blank';
    else {
      const forbidden = NAME_FORBIDDEN.exec(value);
      if (forbidden) {
        into[path] = `must not contain tabs, line breaks or bidirectional controls (found ${codePoint(forbidden[0])})`;
      }
    }
  }
}

function walk(value: unknown, path: string, property: string, owner: object | undefined, into: FieldErrors): void {
  if (typeof value === 'string') {
    checkString(value, path, property, owner, into);
  } else if (Array.isArray(value)) {
    const max = declaredLimit(owner, property, 'arrayMaxSize') ?? DEFAULT_MAX_LIST_LENGTH;
    if (value.length > max) {
      into[path] = `must have at most ${max} items (got ${value.length})`;
      return;
    }
    // Items of a list are checked against the list's own property (e.g. `@MaxLength(50, { each: true })`).
    value.forEach((item, index) => walk(item, `${path}[${index}]`, property, owner, into));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      walk(item, path ? `${path}.${key}` : key, key, value, into);
    }
  }
}

/**
 * The problems of one argument (or of an object such as a CSV row), by field path:
 * `{ "input.notes": "must not contain control characters (found U+0000)" }`.
 */
export function textProblems(value: unknown, path: string): FieldErrors {
  const into: FieldErrors = {};
  walk(value, path, path.split('.').at(-1) ?? path, undefined, into);
  return into;
}

/**
 * Strings that are not well-formed UTF-16 (a lone surrogate such as "\ud800" in JSON): refused
 * before anything else reads them, since some validators throw on them (encodeURI in isEmail).
 */
export function malformedText(value: unknown, path: string, into: FieldErrors = {}): FieldErrors {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) into[path] = 'must be valid Unicode text (it contains a lone surrogate)';
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => malformedText(item, `${path}[${index}]`, into));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) malformedText(item, path ? `${path}.${key}` : key, into);
  }
  return into;
}
