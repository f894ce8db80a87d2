import path from 'node:path';
import { authEnv, authProblems, tokenKeyConfig, type TokenKeyConfig } from '@peacegraph/kit/auth';
import { isIP } from 'node:net';
import { corsOriginProblem } from './cors';
import { RATE_LIMIT_DEFAULTS, type RateLimitOptions } from './rate-limit';
import { env, queryLimitsEnv, readEnv, EnvError, type EnvOf } from '@peacegraph/kit/server';

const spec = {
  GATEWAY_PORT: env.port('port the gateway listens on', 4000),
  GATEWAY_HOST: env.string('interface the gateway listens on', '0.0.0.0'),
  SUPERGRAPH_PATH: env.string('composed supergraph file, watched for changes', defaultSupergraphPath()),
  SUBGRAPH_TIMEOUT_MS: env.integer('longest wait for a subgraph connection, its answer or the next piece of it, in ms', 10_000, 1),
  SUBGRAPH_MERGE_READS: env.oneOf('"off": identical subgraph reads in flight are each sent, not merged', ['on', 'off'], 'on'),
  KEPT_ANSWERS_MB: env.integer('megabytes of whole answers the gateway keeps and checks with its subgraphs (0: none)', 32, 0),
  ...queryLimitsEnv,
  CORS_ORIGINS: env.optionalString('comma-separated origins browser apps may call from ("localhost": any local port)'),
  EXPLORER_HEADERS: env.optionalString('JSON object of headers pre-filled in the explorer (development only)'),
  LOG_LEVEL: env.oneOf('log level', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
  DIRECTORY_URL: env.url(
    'the directory subgraph, asked whether organisations and API keys exist',
    ['http', 'https'],
    'http://localhost:4001/graphql',
  ),
  ...authEnv,
  // REGISTRY_URL and REGISTRY_TOKEN are read by readRegistry: they depend on each other.
  REGISTRY_POLL_MS: env.integer('time between two polls of the registry for a new supergraph, in ms', 2000, 100),
  SUPERGRAPH_CACHE_PATH: env.string(
    'where the last supergraph taken from the registry is kept, for a start without it',
    defaultCachePath(),
  ),
  USAGE_FLUSH_MS: env.integer('time between two usage reports to the registry, in ms', 5000, 100),
  USAGE_BUFFER_MAX: env.integer('most distinct operations held between two usage reports', 10_000, 1),
  RATE_LIMIT: env.oneOf('"off" turns the rate limits off', ['on', 'off'], 'on'),
  RATE_LIMIT_PER_MINUTE: env.integer('requests a minute per API key or token subject, refilled evenly', RATE_LIMIT_DEFAULTS.limit, 1),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: env.integer(
    'requests a minute per IP address for anonymous callers',
    RATE_LIMIT_DEFAULTS.anonymousLimit,
    1,
  ),
  RATE_LIMIT_BURST: env.integer('most requests a signed-in caller may make at once (default: RATE_LIMIT_PER_MINUTE)', 0, 1),
  REDIS_URL: env.optionalString('Redis holding the rate-limit buckets every gateway replica shares (default: in memory)'),
  TRUST_PROXY: env.string(
    'proxies whose X-Forwarded-For gives the client address: express "trust proxy" names, addresses or CIDRs, a hop count, or false',
    'loopback',
  ),
};

/** Routing URL overrides: SUBGRAPH_URL_DIRECTORY=http://… replaces the `directory` URL in the supergraph. */
export const SUBGRAPH_URL_PREFIX = 'SUBGRAPH_URL_';

export interface GatewayEnv {
  port: number;
  host: string;
  supergraphPath: string;
  subgraphTimeoutMs: number;
  /** Identical subgraph reads in flight share one call; off with SUBGRAPH_MERGE_READS=off. */
  mergeReads: boolean;
  /** Bytes of whole answers kept (kept-answers.ts); 0 with KEPT_ANSWERS_MB=0. */
  keptAnswersBudget: number;
  bodySize: string;
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Keyed by the env var's suffix in lower case; matched to subgraph names case-insensitively. */
  subgraphUrls: Record<string, string>;
  explorerHeaders?: Record<string, string>;
  /** Origins allowed by CORS; empty: no browser app on another origin may call. */
  corsOrigins: string[];
  logLevel: string;
  directoryUrl: string;
  auth: TokenKeyConfig;
  /** Set by REGISTRY_URL: the supergraph comes from the registry (SUPERGRAPH_PATH is not read) and usage goes to it. */
  registry?: { url: string; token: string; pollMs: number; cachePath: string };
  usage: { flushMs: number; bufferMax: number };
  /** Off with RATE_LIMIT=off. */
  rateLimit: RateLimitOptions | false;
  /** express's "trust proxy": who may say, in X-Forwarded-For, which address a request came from. */
  trustProxy: string | number | false;
}

/** Every problem in the environment, listed together; throws EnvError. */
export function readGatewayEnv(source: NodeJS.ProcessEnv = process.env): GatewayEnv {
  const problems: string[] = [];
  let values: EnvOf<typeof spec> | undefined;
  try {
    values = readEnv(spec, source, authProblems);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    problems.push(...error.problems);
  }
  const subgraphUrls = readSubgraphUrls(source, problems);
  const explorerHeaders = readExplorerHeaders(source.EXPLORER_HEADERS, problems);
  const registry = readRegistry(source, values, problems);
  const corsOrigins = readCorsOrigins(source.CORS_ORIGINS, problems);
  const redisUrl = readRedisUrl(source.REDIS_URL, problems);
  const trustProxy = readTrustProxy(source.TRUST_PROXY, problems);
  if (problems.length > 0 || !values) throw new EnvError(problems);
  return {
    port: values.GATEWAY_PORT,
    host: values.GATEWAY_HOST,
    supergraphPath: path.resolve(values.SUPERGRAPH_PATH),
    subgraphTimeoutMs: values.SUBGRAPH_TIMEOUT_MS,
    mergeReads: values.SUBGRAPH_MERGE_READS === 'on',
    keptAnswersBudget: values.KEPT_ANSWERS_MB * 1024 * 1024,
    bodySize: values.MAX_BODY_SIZE,
    maxDepth: values.MAX_QUERY_DEPTH,
    maxAliases: values.MAX_ALIASES,
    maxCost: values.MAX_COST,
    subgraphUrls,
    explorerHeaders,
    corsOrigins,
    logLevel: values.LOG_LEVEL,
    directoryUrl: values.DIRECTORY_URL,
    auth: tokenKeyConfig(values),
    registry,
    usage: { flushMs: values.USAGE_FLUSH_MS, bufferMax: values.USAGE_BUFFER_MAX },
    rateLimit:
      values.RATE_LIMIT === 'off'
        ? false
        : {
            limit: values.RATE_LIMIT_PER_MINUTE,
            anonymousLimit: values.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
            // 0 is its "unset": a bucket of one minute's requests.
            burst: values.RATE_LIMIT_BURST || values.RATE_LIMIT_PER_MINUTE,
            windowSeconds: 60,
            redisUrl,
          },
    trustProxy,
  };
}

/** For the entry point: prints every problem and exits non-zero rather than start half-configured. */
export function loadGatewayEnvOrExit(source: NodeJS.ProcessEnv = process.env): GatewayEnv {
  try {
    return readGatewayEnv(source);
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

function readSubgraphUrls(source: NodeJS.ProcessEnv, problems: string[]): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [name, raw] of Object.entries(source)) {
    if (!name.startsWith(SUBGRAPH_URL_PREFIX) || raw === undefined || raw === '') continue;
    const subgraph = name.slice(SUBGRAPH_URL_PREFIX.length).toLowerCase();
    let protocol: string | undefined;
    try {
      protocol = new URL(raw).protocol;
    } catch {
      protocol = undefined;
    }
    if (protocol !== 'http:' && protocol !== 'https:') problems.push(`${name} must be an http(s) URL, got "${raw}"`);
    else urls[subgraph] = raw;
  }
  return urls;
}

function readCorsOrigins(raw: string | undefined, problems: string[]): string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const origin of origins) {
    const problem = corsOriginProblem(origin);
    if (problem) problems.push(`CORS_ORIGINS: ${problem}`);
  }
  return origins;
}

function readRedisUrl(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let protocol: string | undefined;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol === 'redis:' || protocol === 'rediss:') return raw;
  // No value in the message: a Redis URL may hold a password.
  problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  return undefined;
}

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * express's "trust proxy": false, a hop count, or a comma-separated list of the names loopback,
 * linklocal and uniquelocal, addresses and CIDR ranges. Checked here, so a typo is not found by the
 * first request (express would throw there).
 */
function readTrustProxy(raw: string | undefined, problems: string[]): string | number | false {
  const value = (raw ?? '').trim() || 'loopback';
  if (value === 'false') return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const bad = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => {
      if (TRUST_PROXY_NAMES.has(entry)) return false;
      const [address = '', bits, ...rest] = entry.split('/');
      const version = isIP(address);
      if (version === 0 || rest.length > 0) return true;
      return bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
    });
  if (bad.length > 0) {
    problems.push(
      `TRUST_PROXY: ${bad.map((entry) => `"${entry}"`).join(', ')} is not loopback, linklocal, uniquelocal, an IP address or a CIDR range (or give a hop count, or false)`,
    );
  }
  return value;
}

function readExplorerHeaders(raw: string | undefined, problems: string[]): Record<string, string> | undefined {
  if (raw === undefined || raw === '') return undefined;
  const problem = 'EXPLORER_HEADERS must be a JSON object of header names to string values';
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      const entries = Object.entries(parsed);
      if (entries.every(([, value]) => typeof value === 'string')) return Object.fromEntries(entries) as Record<string, string>;
    }
  } catch {
    // Reported below with the same words as a wrong shape: the operator's fix is the same.
  }
  problems.push(problem);
  return undefined;
}

/** Read from the raw source, so that its problems are listed even when another variable is wrong. */
function readRegistry(source: NodeJS.ProcessEnv, values: EnvOf<typeof spec> | undefined, problems: string[]): GatewayEnv['registry'] {
  const url = source.REGISTRY_URL;
  const token = source.REGISTRY_TOKEN;
  if (url === undefined || url === '') return undefined;
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:') problems.push(`REGISTRY_URL must be an http(s) URL, got "${url}"`);
  if (token === undefined || token === '') {
    problems.push("REGISTRY_TOKEN is required with REGISTRY_URL (the gateway's bearer token at the registry)");
  }
  if (!values) return undefined;
  return { url, token: token ?? '', pollMs: values.REGISTRY_POLL_MS, cachePath: path.resolve(values.SUPERGRAPH_CACHE_PATH) };
}

/** Under .data/ (ignored by git, where the platform keeps its local state), wherever the process was started from. */
function defaultCachePath(): string {
  return path.resolve(__dirname, '..', '..', '.data', 'registry-supergraph.graphql');
}

/** The repository's supergraph.graphql, wherever the process was started from. */
function defaultSupergraphPath(): string {
  return path.resolve(__dirname, '..', '..', 'supergraph.graphql');
}
