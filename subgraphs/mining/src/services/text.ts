import { badInput } from '@peacegraph/kit';

/** Trimmed text with inner runs of spaces collapsed; refuses blank and overlong values. */
export function requiredText(field: string, raw: string, label: string, max = 200): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') throw badInput(field, `${label} cannot be empty`);
  if (text.length > max) throw badInput(field, `${label} is longer than ${max} characters`);
  return text;
}

/** Optional free text: blank becomes null. Paragraphs are kept. */
export function optionalText(field: string, raw: string | null | undefined, label: string, max = 2000): string | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  if (text.length > max) throw badInput(field, `${label} is longer than ${max} characters`);
  return text;
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
  if (value < min) throw badInput(field, min === 0 ? `${label} cannot be negative (got ${value})` : `${label} must be at least ${min} (got ${value})`);
  if (value > max) throw badInput(field, `${label} cannot be more than ${max} (got ${value})`);
  return value;
}

/** A field an update may leave out but not clear: explicit null is refused. */
export function notNull<T>(field: string, value: T | null | undefined, label: string): T | undefined {
  if (value === null) throw badInput(field, `${label} cannot be removed`);
  return value;
}
