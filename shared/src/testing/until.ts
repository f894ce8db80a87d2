/**
 * Waits for something a test cannot be told about (a statement cancelled, a process restarted), asking
 * every 25 ms; fails naming what it waited for after `timeoutMs`. A bound on waiting, not a timing.
 */
export async function until(condition: () => Promise<boolean> | boolean, what: string | (() => string), timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
