import { PeaceGraphError } from '../errors/errors';
import { problemsError } from '../input/problems';

/**
 * Runs a validation rule that should refuse its input and returns what the caller would read: the
 * field and the plain message. Anything else (accepted input, another kind of error) fails the test.
 */
export function refusalOf(run: () => unknown): { field: unknown; message: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof PeaceGraphError) || error.extensions.code !== 'BAD_USER_INPUT') throw error;
    return { field: error.extensions.field, message: error.message };
  }
  throw new Error('Expected a BAD_USER_INPUT refusal, but the input was accepted');
}

type Errors = readonly { message: string; extensions?: Record<string, unknown> }[] | undefined;

/**
 * What a caller reads from the one refusal of an input with several problems: each `[field, message]`
 * of `extensions.problems`, in order. Anything else fails the test: no error or more than one, another
 * code, no list, or a refusal whose `extensions.field` and message do not match its list (of at most
 * MAX_LISTED problems: a longer one is cut).
 */
export function problemsOf(errors: Errors): [field: string, message: string][] {
  const [refusal, ...others] = errors ?? [];
  const listed = refusal?.extensions?.problems as { field: string; message: string }[] | undefined;
  if (!refusal || others.length > 0 || refusal.extensions?.code !== 'BAD_USER_INPUT' || !Array.isArray(listed)) {
    throw new Error(`Expected one BAD_USER_INPUT listing its problems, got ${JSON.stringify(errors)}`);
  }
  const problems = listed.map((p): [string, string] => [p.field, p.message]);
  const { message, extensions } = problemsError(listed);
  if (refusal.message !== message || refusal.extensions?.field !== extensions.field) {
    throw new Error(`The refusal does not name its problems: ${JSON.stringify(refusal)}`);
  }
  return problems;
}

/**
 * The `[field, message]` problems of the one refusal `run` throws: the list of a refusal naming
 * several, or the one problem of a single refusal. Accepted input fails the test. For rules' unit tests.
 */
export function problemsIn(run: () => unknown): [field: string, message: string][] {
  try {
    run();
  } catch (error) {
    const refusal = error as { message: string; extensions?: Record<string, unknown> };
    if (!refusal.extensions?.problems) return [[refusal.extensions?.field as string, refusal.message]];
    return problemsOf([refusal]);
  }
  throw new Error('Expected a refusal, but the input was accepted');
}
