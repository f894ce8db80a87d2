import { GraphQLError } from 'graphql';
import { badInput, ErrorCode, type PeaceGraphError } from '../errors/errors';

/** Problems listed in one answer at most. */
export const MAX_LISTED = 50;

export interface Problem {
  field: string;
  message: string;
  /** What the rule added to its refusal (e.g. `allowedStatuses`), kept for the caller. */
  details?: Record<string, unknown>;
}

/**
 * Every problem of an input, reported at once: a partner fixing a form learns all its mistakes from one
 * answer instead of one per attempt. Each rule still throws `badInput(field, message)` as before;
 * `check` catches those refusals and records them, and `throwIfAny` throws one BAD_USER_INPUT: a single
 * problem as `badInput` throws it; several with `extensions.problems` listing them all and
 * `extensions.field` naming the first, as a single refusal does.
 *
 * ```ts
 * const problems = new Problems();
 * const name = problems.check('input.name', () => requiredName('input.name', input.name, 'The name'));
 * const place = await problems.check('input.community', () => directory.community('input.community', input.community));
 * problems.throwIfAny();
 * ```
 *
 * Anything but a refusal (a database error, a bug) is rethrown at once: it is not the caller's problem.
 */
export class Problems {
  private readonly found: Problem[] = [];

  /**
   * Runs one rule. Returns its value, or undefined when it refused (the refusal is recorded under the
   * field the rule named, else under `field`). A rule returning a promise is awaited the same way.
   */
  check<T>(field: string, rule: () => Promise<T>): Promise<T | undefined>;
  check<T>(field: string, rule: () => T): T | undefined;
  check<T>(field: string, rule: () => T | Promise<T>): T | undefined | Promise<T | undefined> {
    let result: T | Promise<T>;
    try {
      result = rule();
    } catch (error) {
      this.record(field, error);
      return undefined;
    }
    if (result instanceof Promise) {
      return result.catch((error: unknown) => {
        this.record(field, error);
        return undefined;
      });
    }
    return result;
  }

  /** Records a problem found without a rule that throws. */
  add(field: string, message: string): void {
    this.found.push({ field, message });
  }

  /** Whether `field` (or a field inside it, e.g. `input.areas.2` inside `input.areas`) was refused: rules that build on it are skipped. */
  has(field: string): boolean {
    return this.found.some((p) => p.field === field || p.field.startsWith(`${field}.`));
  }

  get any(): boolean {
    return this.found.length > 0;
  }

  get list(): readonly Problem[] {
    return this.found;
  }

  /**
   * The checked values, once every rule has run: throws the problems if any, else returns `values`
   * typed without the `undefined` a refused check would have left (there is none when nothing refused).
   */
  done<T extends object>(values: T): { [K in keyof T]: Exclude<T[K], undefined> } {
    this.throwIfAny();
    return values as { [K in keyof T]: Exclude<T[K], undefined> };
  }

  /** One BAD_USER_INPUT listing every problem, when there is any. */
  throwIfAny(): void {
    if (this.found.length > 0) throw problemsError(this.found);
  }

  private record(field: string, error: unknown): void {
    if (!(error instanceof GraphQLError) || error.extensions.code !== ErrorCode.BAD_USER_INPUT) throw error;
    const nested = error.extensions.problems as (Problem & Record<string, unknown>)[] | undefined;
    if (Array.isArray(nested)) {
      for (const { field: inner, message, ...details } of nested) {
        this.found.push({ field: inner, message, ...(Object.keys(details).length ? { details } : {}) });
      }
      return;
    }
    const { code: _code, field: named, ...details } = error.extensions;
    this.found.push({
      field: typeof named === 'string' ? named : field,
      message: error.message,
      ...(Object.keys(details).length ? { details } : {}),
    });
  }
}

/** The one refusal for several problems: its message lists them; one problem keeps its own message. */
export function problemsError(problems: readonly Problem[]): PeaceGraphError {
  const [first] = problems;
  if (!first) throw new Error('problemsError needs at least one problem');
  // A list of 10,000 bad items is not 10,000 lines of answer: the first ones show the mistake.
  const list = problems.slice(0, MAX_LISTED).map((p) => ({ ...p.details, field: p.field, message: p.message }));
  // One problem is the refusal it always was, so clients and tests reading extensions exactly still match.
  if (problems.length === 1) return badInput(first.field, first.message, first.details);
  const more = problems.length > MAX_LISTED ? `; and ${problems.length - MAX_LISTED} more` : '';
  const message = `${problems.length} problems in the input: ${list.map((p) => `${p.field}: ${p.message}`).join('; ')}${more}`;
  return badInput(first.field, message, { problems: list });
}
