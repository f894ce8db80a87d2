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

/** A name or title on one line: inner runs of white space become one space. */
export function requiredName(field: string, raw: string | null | undefined, max: number, what: string): string {
  return requiredText(field, raw?.replace(/\s+/g, ' '), max, what);
}

export function optionalName(field: string, raw: string | null | undefined, max: number): string | null {
  return optionalText(field, raw?.replace(/\s+/g, ' '), max);
}

/** Input fields that were given, for the audit log (never their values). */
export function givenFields(input: object): string[] {
  return Object.entries(input)
    .filter(([key, value]) => value !== undefined && key !== 'clientMutationId')
    .map(([key]) => key);
}

/** An update's field: undefined leaves it as it is; null is refused for fields a record must have. */
export function present<T>(field: string, value: T | null | undefined, what: string): value is T {
  if (value === undefined) return false;
  if (value === null) throw badInput(field, `${what} cannot be removed`);
  return true;
}

export const LIMITS = {
  title: 300,
  role: 200,
  name: 200,
  /** A declaration's full text: a few pages, with room to spare. */
  declaration: 100_000,
  recommendation: 4000,
  testimony: 8000,
  finding: 1000,
  findings: 30,
  evidence: 4000,
  note: 1000,
  translations: 10,
  drafters: 50,
  recipients: 50,
  convenors: 10,
  countries: 20,
  recommendationsPerDeclaration: 200,
  /** Participants per category and sex: more than any hall holds. */
  participants: 100_000,
} as const;
