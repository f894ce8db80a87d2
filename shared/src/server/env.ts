/**
 * Typed configuration, read once at start-up. Every problem is collected before anything fails,
 * so an operator fixes the whole environment in one go rather than one variable per restart.
 */

export interface EnvVar<T> {
  parse(raw: string | undefined, name: string): T;
  readonly description: string;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

class Problem extends Error {}

function variable<T>(description: string, parse: (raw: string, name: string) => T, fallback?: T): EnvVar<T> {
  return {
    description,
    parse(raw, name) {
      if (raw === undefined || raw === '') {
        if (fallback !== undefined) return fallback;
        throw new Problem(`${name} is required (${description})`);
      }
      return parse(raw, name);
    },
  };
}

export const env = {
  string: (description: string, fallback?: string) => variable(description, (raw) => raw, fallback),

  optionalString: (description: string): EnvVar<string | undefined> => ({
    description,
    parse: (raw) => (raw === undefined || raw === '' ? undefined : raw),
  }),

  port: (description: string, fallback?: number) =>
    variable(
      description,
      (raw, name) => {
        const value = Number(raw);
        if (!Number.isInteger(value) || value < 0 || value > 65535) {
          throw new Problem(`${name} must be a port number from 0 to 65535, got "${raw}"`);
        }
        return value;
      },
      fallback,
    ),

  integer: (description: string, fallback?: number, min = 0) =>
    variable(
      description,
      (raw, name) => {
        const value = Number(raw);
        if (!Number.isInteger(value) || value < min) {
          throw new Problem(`${name} must be a whole number of at least ${min}, got "${raw}"`);
        }
        return value;
      },
      fallback,
    ),

  boolean: (description: string, fallback?: boolean) =>
    variable(
      description,
      (raw, name) => {
        if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
        if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
        throw new Problem(`${name} must be true or false, got "${raw}"`);
      },
      fallback,
    ),

  url: (description: string, protocols: string[], fallback?: string) =>
    variable(
      description,
      (raw, name) => {
        let parsed: URL;
        try {
          parsed = new URL(raw);
        } catch {
          throw new Problem(`${name} must be a URL, got "${redact(raw)}"`);
        }
        if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
          throw new Problem(`${name} must be a ${protocols.join(' or ')} URL, got "${redact(raw)}"`);
        }
        return raw;
      },
      fallback,
    ),

  oneOf: <T extends string>(description: string, values: readonly T[], fallback?: T) =>
    variable(
      description,
      (raw, name) => {
        if (!values.includes(raw as T)) throw new Problem(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
        return raw as T;
      },
      fallback,
    ),
};

/** Passwords in connection strings must not reach logs through an error message. */
function redact(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}

export type EnvSpec = Record<string, EnvVar<unknown>>;
export type EnvOf<S extends EnvSpec> = { [K in keyof S]: S[K] extends EnvVar<infer T> ? T : never };

/**
 * Reads every variable of the spec; throws one EnvError listing all problems. `check` adds problems
 * that span several variables (e.g. "one of these three is required").
 */
export function readEnv<S extends EnvSpec>(
  spec: S,
  source: NodeJS.ProcessEnv = process.env,
  check?: (values: EnvOf<S>) => string[],
): EnvOf<S> {
  const problems: string[] = [];
  const result: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(spec)) {
    try {
      result[name] = variable.parse(source[name], name);
    } catch (error) {
      if (error instanceof Problem) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length === 0 && check) problems.push(...check(result as EnvOf<S>));
  if (problems.length > 0) throw new EnvError(problems);
  return result as EnvOf<S>;
}

/** For process entry points: prints every problem and exits non-zero instead of starting half-configured. */
export function loadEnvOrExit<S extends EnvSpec>(
  spec: S,
  source: NodeJS.ProcessEnv = process.env,
  check?: (values: EnvOf<S>) => string[],
): EnvOf<S> {
  try {
    return readEnv(spec, source, check);
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
