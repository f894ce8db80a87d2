import { badInput, blank } from '@peacegraph/kit';

/** Trimmed free text, or null when blank; refused when longer than `max`. */
export function optionalText(field: string, raw: string | null | undefined, max: number): string | null {
  const text = raw?.trim() ?? '';
  if (blank(text)) return null;
  if (text.length > max) throw badInput(field, `Keep it to ${max} characters (got ${text.length})`);
  return text;
}

/** Like optionalText, but a blank value is refused. */
export function requiredText(field: string, raw: string | null | undefined, max: number, what: string): string {
  const text = optionalText(field, raw, max);
  if (text === null) throw badInput(field, `${what} cannot be empty`);
  return text;
}

/** A name on one line: inner runs of white space become one space. */
export function requiredName(field: string, raw: string | null | undefined, max: number, what: string): string {
  return requiredText(field, raw?.replace(/\s+/g, ' '), max, what);
}
