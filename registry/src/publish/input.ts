import { Problems } from '@peacegraph/kit/input';

export const SUBGRAPH_NAME = /^[a-z][a-z0-9-]{0,39}$/;

export interface SchemaLimits {
  maxSdlBytes: number;
}

/** Checks what every check and publish carries; throws every problem at once (BAD_USER_INPUT). */
export function checkSchemaInput(
  input: { subgraph: string; sdl: string; usageDays?: number | null; routingUrl?: string | null; message?: string | null },
  limits: SchemaLimits,
): void {
  const problems = new Problems();
  if (!SUBGRAPH_NAME.test(input.subgraph))
    problems.add('input.subgraph', 'A subgraph name is 1 to 40 lower-case letters, digits or "-", starting with a letter');
  const bytes = Buffer.byteLength(input.sdl, 'utf8');
  if (bytes === 0 || input.sdl.trim() === '') problems.add('input.sdl', 'The schema is empty');
  else if (bytes > limits.maxSdlBytes)
    problems.add('input.sdl', `The schema is ${bytes} bytes; the registry takes at most ${limits.maxSdlBytes}`);
  if (
    input.usageDays !== undefined &&
    input.usageDays !== null &&
    (!Number.isInteger(input.usageDays) || input.usageDays < 1 || input.usageDays > 366)
  )
    problems.add('input.usageDays', 'usageDays is a whole number of days from 1 to 366');
  if (input.routingUrl !== undefined && input.routingUrl !== null) {
    const problem = routingUrlProblem(input.routingUrl);
    if (problem) problems.add('input.routingUrl', problem);
  }
  if (input.message && input.message.length > 2000) problems.add('input.message', 'A message is at most 2000 characters');
  problems.throwIfAny();
}

export function routingUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'The routing URL is not a URL';
  }
  if (!['http:', 'https:'].includes(url.protocol)) return 'The routing URL must be http or https';
  if (raw.length > 500) return 'The routing URL is longer than 500 characters';
  if (url.username || url.password) return 'The routing URL must not carry credentials';
  return null;
}
