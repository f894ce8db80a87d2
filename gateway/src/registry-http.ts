/** What the registry's two clients (the supergraph poller and the usage reporter) share. */

/** `{base}/{route}`, whether or not the base URL ends with a slash or has a path. */
export function registryEndpoint(base: string, route: 'supergraph' | 'usage'): string {
  return new URL(route, base.endsWith('/') ? base : `${base}/`).toString();
}

/**
 * `: <message>` (else `: <code>`) of the registry's `{ error: { code, message, problems? } }` body,
 * with its first three problems when it lists some (a refused usage report), or nothing.
 */
export function registryErrorMessage(text: string): string {
  try {
    const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown; problems?: unknown } }).error;
    const said = typeof error?.message === 'string' ? error.message : error?.code;
    const problems = Array.isArray(error?.problems) ? error.problems.filter((p) => typeof p === 'string').slice(0, 3) : [];
    if (typeof said === 'string') return `: ${[said, ...problems].join('; ').slice(0, 500)}`;
  } catch {
    // Not JSON: the status says enough.
  }
  return '';
}

/** Why a fetch failed, in a word where Node gives one (ECONNREFUSED, ENOTFOUND…), else a timeout or the message. */
export function fetchFailure(error: unknown, timeoutMs: number): string {
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') return `did not answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const why =
    typeof cause?.code === 'string'
      ? cause.code
      : typeof cause?.message === 'string'
        ? cause.message
        : error instanceof Error
          ? error.message
          : String(error);
  return `could not be reached (${why})`;
}
