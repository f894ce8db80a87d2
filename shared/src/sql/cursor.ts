import { createHash } from 'node:crypto';
import { badInput } from '../errors/errors';
import { controlCharacterIn } from '../input/control-characters';

/**
 * What a key of a list's order holds, so a cursor's values are checked before PostgreSQL sees them:
 * a forged cursor with a word where a date is expected must be the caller's mistake, not a SQL error.
 */
export type CursorValueType = 'text' | 'uuid' | 'date' | 'timestamp' | 'integer' | 'bigint' | 'number';

export interface CursorKey {
  /** The SQL expression the list is ordered by, e.g. `site.name`. */
  expression: string;
  type: CursorValueType;
  /** A key whose column may be NULL: its cursors may carry null. */
  nullable?: boolean;
}

/** The identity of an ordered list: its table, the expressions it is ordered by and the direction. */
export interface CursorList {
  table: string;
  keys: readonly CursorKey[];
  direction: 'ASC' | 'DESC';
}

/** Longer than any cursor the platform hands out (keys are short texts, dates and ids). */
export const MAX_CURSOR_LENGTH = 2048;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const INT4 = 2 ** 31 - 1;
const INT8 = 9223372036854775807n;

/**
 * A short digest of the list's identity, carried inside each cursor: a cursor handed out by another
 * list (or by the same table in another order) names another list and is refused, instead of being
 * read as a position it never was.
 */
export function listIdentity(list: CursorList): string {
  const identity = JSON.stringify([list.table, list.direction, list.keys.map((k) => [k.expression, k.type])]);
  return createHash('sha256').update(identity).digest('base64url').slice(0, 10);
}

export function encodeCursor(list: CursorList, values: readonly unknown[]): string {
  const plain = values.map((v, i) => {
    if (!(v instanceof Date)) return v;
    // A Date read for a date column is that day: the cursor carries what the key compares.
    return list.keys[i]?.type === 'date' ? v.toISOString().slice(0, 10) : v.toISOString();
  });
  return Buffer.from(JSON.stringify([listIdentity(list), ...plain]), 'utf8').toString('base64url');
}

/**
 * The key values of a cursor this list handed out, each checked against its key's type, or
 * BAD_USER_INPUT on `field` (`after` or `before`) for anything else: another list's cursor, a forged or
 * nested value, an overlong or undecodable string.
 */
export function decodeCursor(list: CursorList, cursor: string, field = 'after'): unknown[] {
  const refuse = (why: string) =>
    badInput(field, `${field} is not a cursor from this list (${why}); pass an endCursor or edge cursor this list returned`);
  if (cursor.length > MAX_CURSOR_LENGTH) throw refuse(`longer than ${MAX_CURSOR_LENGTH} characters`);
  if (!BASE64URL.test(cursor)) throw refuse('not a cursor string');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse('not a cursor string');
  }
  if (!Array.isArray(decoded) || decoded[0] !== listIdentity(list)) throw refuse('it was made for another list or order');
  const values = decoded.slice(1);
  if (values.length !== list.keys.length) throw refuse('wrong number of values');
  return list.keys.map((key, i) => {
    const value = values[i] as unknown;
    if (value === null && key.nullable) return null;
    const checked = checkValue(key.type, value);
    if (checked === undefined) throw refuse(`value ${i + 1} is not a ${key.type}`);
    return checked;
  });
}

/** The value as PostgreSQL may receive it for a key of this type, or undefined when it is not one. */
export function checkValue(type: CursorValueType, value: unknown): unknown {
  switch (type) {
    case 'text':
      return typeof value === 'string' && value.length <= 1000 && !controlCharacterIn(value) ? value : undefined;
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? value : undefined;
    case 'date': {
      const m = typeof value === 'string' ? DATE.exec(value) : null;
      if (!m) return undefined;
      const parsed = new Date(`${value as string}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value ? value : undefined;
    }
    case 'timestamp': {
      if (typeof value !== 'string' || !TIMESTAMP.test(value)) return undefined;
      const time = Date.parse(value);
      const month = Number(value.slice(5, 7));
      const day = Number(value.slice(8, 10));
      // Date.parse rolls 2021-02-31 over to March; PostgreSQL refuses it.
      if (Number.isNaN(time) || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
      return new Date(`${value.slice(0, 10)}T00:00:00Z`).toISOString().slice(0, 10) === value.slice(0, 10) ? value : undefined;
    }
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= -INT4 - 1 && value <= INT4 ? value : undefined;
    case 'bigint': {
      // node-postgres returns bigint columns as strings; a cursor may carry either form.
      const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
      if (typeof text !== 'string' || !/^-?\d{1,19}$/.test(text)) return undefined;
      const n = BigInt(text);
      return n <= INT8 && n >= -INT8 - 1n ? text : undefined;
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }
}
