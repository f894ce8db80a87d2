import { badInput } from '../errors/errors';

/**
 * Whether a text shows nothing: only white space, invisible format characters (zero-width spaces and
 * joiners, byte-order marks, direction marks) or combining marks with no letter to sit on. A name of
 * such characters looks empty on every screen, so it is refused like an empty one.
 */
export function blank(text: string): boolean {
  return !/[^\s\p{Cf}\p{M}\p{Z}]/u.test(text);
}

/*
 * The platform's one set of text rules, with one wording: every message names the field's label,
 * and a refused length says the limit and what was given, so a partner can fix it in one try.
 */

/** Free text, trimmed, paragraphs kept; blank becomes null. */
export function optionalText(field: string, raw: string | null | undefined, label: string, max = 2000): string | null {
  const text = raw?.trim() ?? '';
  if (blank(text)) return null;
  if (text.length > max) throw badInput(field, `${label} is longer than ${max} characters (got ${text.length})`);
  return text;
}

/** Like optionalText, but a blank value is refused. */
export function requiredText(field: string, raw: string | null | undefined, label: string, max = 2000): string {
  const text = optionalText(field, raw, label, max);
  if (text === null) throw badInput(field, `${label} cannot be empty`);
  return text;
}

/** A name or title on one line: inner runs of white space become one space. */
export function optionalName(field: string, raw: string | null | undefined, label: string, max = 200): string | null {
  return optionalText(field, raw?.replace(/\s+/g, ' '), label, max);
}

/** Like optionalName, but a blank value is refused. */
export function requiredName(field: string, raw: string | null | undefined, label: string, max = 200): string {
  return requiredText(field, raw?.replace(/\s+/g, ' '), label, max);
}

/** A list of short texts: each cleaned, no repeats (case ignored), between `min` and `max` of them. */
export function textList(field: string, raw: readonly string[], label: string, { min = 1, max = 20, length = 300 } = {}): string[] {
  if (raw.length < min) throw badInput(field, `Give at least ${min} ${label}`);
  if (raw.length > max) throw badInput(field, `At most ${max} ${label}`);
  const seen = new Set<string>();
  return raw.map((value, i) => {
    const text = requiredName(`${field}.${i}`, value, `Each of the ${label}`, length);
    if (seen.has(text.toLowerCase())) throw badInput(`${field}.${i}`, `"${text}" is listed twice`);
    seen.add(text.toLowerCase());
    return text;
  });
}

/** Distinct values, refusing repeats by naming the second occurrence. */
export function distinct<T>(field: string, values: readonly T[], label: (value: T) => string): T[] {
  const seen = new Set<T>();
  values.forEach((value, i) => {
    if (seen.has(value)) throw badInput(`${field}.${i}`, `${label(value)} is listed twice`);
    seen.add(value);
  });
  return [...values];
}

export function wholeNumber(field: string, value: number, label: string, { min = 0, max = 100_000 } = {}): number {
  if (!Number.isInteger(value)) throw badInput(field, `${label} must be a whole number`);
  if (value < min)
    throw badInput(field, min === 0 ? `${label} cannot be negative (got ${value})` : `${label} must be at least ${min} (got ${value})`);
  if (value > max) throw badInput(field, `${label} cannot be more than ${max} (got ${value})`);
  return value;
}

/** A field an update may leave out but not clear: explicit null is refused. */
export function notNull<T>(field: string, value: T | null | undefined, label: string): T | undefined {
  if (value === null) throw badInput(field, `${label} cannot be removed`);
  return value;
}

/**
 * Whether an input field was given: present and not null. An empty text or a zero is given (and then
 * checked); a truthiness test took `""` for "keep the current value" and let it through unchecked.
 */
export function given<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}
