/**
 * What a service asked the directory or a loader for a rule: the answer, or what it threw. The rule
 * reports a refusal where its check stands in the list of problems, as if it had asked itself, and
 * rethrows anything else (a database error, a bug) there: rules stay pure, the order of problems holds.
 */
export type Lookup<T> = { found: true; value: T } | { found: false; error: unknown };

/** Asks once, keeping a refusal (or any error) for the rule that checks it. */
export async function lookUp<T>(ask: () => Promise<T>): Promise<Lookup<T>> {
  try {
    return { found: true, value: await ask() };
  } catch (error) {
    return { found: false, error };
  }
}

/** The answer, or the refusal thrown where the rule checks it (inside `problems.check`). */
export function answerOf<T>(lookup: Lookup<T>): T {
  if (lookup.found) return lookup.value;
  throw lookup.error;
}
