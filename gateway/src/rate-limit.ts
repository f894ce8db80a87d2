import { isIP } from 'node:net';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Redis } from 'ioredis';
import type { Authenticator, Viewer } from '@peacegraph/kit/auth';
import type { Logger, RateLimitState } from '@peacegraph/kit/server';
import { rateLimited } from './errors';

/** Rate limits at the gateway (see README, "Rate limits"). */
export interface RateLimitOptions {
  /** Requests a signed-in caller may make per window, refilled evenly: per API key, per token subject and organisation. Default 600. */
  limit?: number;
  /** The same for an anonymous caller, per IP address (per /64 for IPv6). Default 120. */
  anonymousLimit?: number;
  /** Most requests a signed-in caller may make at once (its bucket's size). Default `limit`. An anonymous caller's is `anonymousLimit`. */
  burst?: number;
  /** The window, in seconds. Default 60. */
  windowSeconds?: number;
  /** Buckets in Redis, shared by every gateway with the same URL; in this process's memory without it. */
  redisUrl?: string;
  /** Prefix of the keys in Redis. Default `peacegraph:rate:`. */
  redisKeyPrefix?: string;
  /** Longest wait for Redis on one request, ms, before counting in this process instead. Default 250. */
  redisTimeoutMs?: number;
}

/** A bucket's policy: `capacity` requests at once, `quota` refilled evenly over `windowSeconds`. */
export interface Policy {
  capacity: number;
  quota: number;
  windowSeconds: number;
}

/** Tokens left in a bucket once a request has taken one, or not (`allowed: false`: none was left). */
export interface Take {
  allowed: boolean;
  tokens: number;
}

export interface BucketStore {
  take(key: string, policy: Policy): Promise<Take>;
  close(): Promise<void>;
}

export interface RateLimiter {
  /** Counts the request in its caller's bucket: sets the RateLimit headers, or answers 429. */
  middleware: RequestHandler;
  stop(): Promise<void>;
}

export const RATE_LIMIT_DEFAULTS = { limit: 600, anonymousLimit: 120, windowSeconds: 60 } as const;

/** Where the rate limiter leaves what it learnt for the rest of the request (express's res.locals). */
interface Locals {
  /** The caller as `authenticate` verified it, once: the context reuses it rather than verify again. */
  caller?: Promise<Viewer>;
  rateLimit?: RateLimitState;
}

/**
 * The caller as verified for this request: the rate limiter's verification when it ran, else one now.
 * A credential is verified once per request whether the limiter runs or not.
 */
export function verifiedCaller(req: Request, res: Response, authenticate: Authenticator): Promise<Viewer> {
  return (res.locals as Locals).caller ?? authenticate(req.get('authorization'));
}

/** The caller's rate-limit state once the limiter has counted the request; undefined without a limiter. */
export function rateLimitOf(res: Response | undefined): RateLimitState | undefined {
  return (res?.locals as Locals | undefined)?.rateLimit;
}

/**
 * Token buckets: each caller has one of `capacity` tokens, refilled evenly with `quota` tokens per
 * window; a request takes one, and is refused with 429 when none is left. The caller is who its
 * credential verifies as, never what an unverified header says: an API key (`api-key:<prefix>`), a
 * token's subject within its organisation, and for anonymous callers and credentials that do not
 * verify, the IP address (express's `req.ip`, so X-Forwarded-For only from a trusted proxy).
 */
export function createRateLimiter(
  options: RateLimitOptions,
  authenticate: Authenticator | undefined,
  log: Logger,
  store: BucketStore = options.redisUrl ? new RedisBuckets(options, log) : new MemoryBuckets(),
): RateLimiter {
  const windowSeconds = options.windowSeconds ?? RATE_LIMIT_DEFAULTS.windowSeconds;
  const limit = options.limit ?? RATE_LIMIT_DEFAULTS.limit;
  const anonymousLimit = options.anonymousLimit ?? RATE_LIMIT_DEFAULTS.anonymousLimit;
  const signedIn: Policy = { capacity: options.burst ?? limit, quota: limit, windowSeconds };
  const anonymous: Policy = { capacity: anonymousLimit, quota: anonymousLimit, windowSeconds };

  // Credentials that failed verification, per address and in this process: once an address has used
  // up an anonymous caller's budget of them, its next credential is refused before it is verified, so
  // guessing API keys past the limit costs the directory no lookup. (Its own bucket, not the shared
  // one: a signed-in caller behind the same address as anonymous traffic is not held back.)
  const failures = new MemoryBuckets();

  const refuse = (res: Response, take: Take, policy: Policy, message: string) => {
    const retryAfter = secondsUntilOne(take, policy);
    res.set('retry-after', String(retryAfter));
    res
      .status(429)
      .json({ errors: [rateLimited(`${message} Retry in ${retryAfter} ${retryAfter === 1 ? 'second' : 'seconds'}.`).toJSON()] });
  };

  const middleware = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    let viewer: Viewer | undefined;
    if (authenticate) {
      const credential = req.get('authorization');
      const address = `ip:${addressGroup(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
      if (credential?.trim()) {
        const failed = failures.peek(address, anonymous);
        if (!failed.allowed) {
          setHeaders(res, stateOf(failed, anonymous), anonymous);
          refuse(res, failed, anonymous, 'Too many credentials from this address failed verification.');
          return;
        }
      }
      const caller = authenticate(credential);
      (res.locals as Locals).caller = caller;
      // A credential that does not verify is refused by the context (401); it is counted as anonymous here.
      viewer = await caller.catch(() => {
        failures.takeNow(address, anonymous);
        return undefined;
      });
    }
    const { key, policy, who } = bucketOf(viewer, req, signedIn, anonymous);
    const take = await store.take(key, policy);
    const state = stateOf(take, policy);
    (res.locals as Locals).rateLimit = state;
    setHeaders(res, state, policy);
    if (take.allowed) {
      next();
      return;
    }
    refuse(
      res,
      take,
      policy,
      `Too many requests: ${who} may make ${policy.quota} requests every ${windowSeconds} seconds` +
        `${policy.capacity !== policy.quota ? `, at most ${policy.capacity} at once` : ''}.`,
    );
  };

  return {
    middleware: (req, res, next) => {
      middleware(req, res, next).catch(next);
    },
    stop: async () => {
      await failures.close();
      await store.close();
    },
  };
}

function bucketOf(
  viewer: Viewer | undefined,
  req: Request,
  signedIn: Policy,
  anonymous: Policy,
): { key: string; policy: Policy; who: string } {
  if (viewer?.kind === 'partner') {
    if (viewer.via === 'api-key') return { key: `key:${viewer.subject}`, policy: signedIn, who: 'this API key' };
    return { key: `sub:${viewer.organisationId}:${viewer.subject}`, policy: signedIn, who: 'this token subject' };
  }
  return {
    key: `ip:${addressGroup(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`,
    policy: anonymous,
    who: 'an anonymous caller from this address',
  };
}

/**
 * One bucket per IPv4 address, and per /64 for IPv6: a single host is usually given a whole /64, so
 * a bucket per address would let it spread its requests over 2^64 of them. IPv4-mapped IPv6
 * addresses (::ffff:203.0.113.7) are their IPv4 address.
 */
export function addressGroup(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

function ratePerSecond(policy: Policy): number {
  return policy.quota / policy.windowSeconds;
}

export function stateOf(take: Take, policy: Policy): RateLimitState {
  const tokens = Math.max(0, Math.min(policy.capacity, take.tokens));
  return {
    limit: policy.capacity,
    remaining: Math.floor(tokens),
    resetSeconds: Math.ceil((policy.capacity - tokens) / ratePerSecond(policy)),
    quota: policy.quota,
    windowSeconds: policy.windowSeconds,
  };
}

/** Seconds until the bucket holds one whole token again: when a refused caller may retry. At least 1. */
function secondsUntilOne(take: Take, policy: Policy): number {
  return Math.max(1, Math.ceil((1 - take.tokens) / ratePerSecond(policy)));
}

function setHeaders(res: Response, state: RateLimitState, policy: Policy): void {
  res.set({
    'ratelimit-limit': String(state.limit),
    'ratelimit-remaining': String(state.remaining),
    'ratelimit-reset': String(state.resetSeconds),
    'ratelimit-policy': policyHeader(policy),
  });
}

/** RateLimit-Policy (IETF draft httpapi-ratelimit-headers): `<quota>;w=<window>`, with `burst` when the bucket differs. */
function policyHeader(policy: Policy): string {
  return `${policy.quota};w=${policy.windowSeconds}${policy.capacity !== policy.quota ? `;burst=${policy.capacity}` : ''}`;
}

/** Most buckets held in memory; past it the least recently used go (their callers start full again). */
const MEMORY_BUCKETS_MAX = 100_000;

/** Buckets in this process: enough for one gateway; several replicas need Redis to share them. */
export class MemoryBuckets implements BucketStore {
  private readonly buckets = new Map<string, { tokens: number; at: number; full: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = () => performance.now()) {
    // A bucket that has had time to fill up is the same as no bucket: forget it.
    this.sweeper = setInterval(() => this.sweep(), 60_000).unref();
  }

  async take(key: string, policy: Policy): Promise<Take> {
    return this.takeNow(key, policy);
  }

  /** What a take would find, taking nothing. */
  peek(key: string, policy: Policy): Take {
    const held = this.buckets.get(key);
    const tokens = held
      ? Math.min(policy.capacity, held.tokens + ((this.now() - held.at) / 1000) * ratePerSecond(policy))
      : policy.capacity;
    return { allowed: tokens >= 1, tokens };
  }

  takeNow(key: string, policy: Policy): Take {
    const now = this.now();
    const held = this.buckets.get(key);
    let tokens = held ? Math.min(policy.capacity, held.tokens + ((now - held.at) / 1000) * ratePerSecond(policy)) : policy.capacity;
    const allowed = tokens >= 1;
    if (allowed) tokens -= 1;
    // Re-inserted, so the map's order is least recently used first.
    if (held) this.buckets.delete(key);
    this.buckets.set(key, { tokens, at: now, full: fullAt(now, tokens, policy) });
    if (this.buckets.size > MEMORY_BUCKETS_MAX) this.buckets.delete(this.buckets.keys().next().value!);
    return { allowed, tokens };
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, bucket] of this.buckets) {
      if (bucket.full <= now) this.buckets.delete(key);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }
}

function fullAt(now: number, tokens: number, policy: Policy): number {
  return now + ((policy.capacity - tokens) / ratePerSecond(policy)) * 1000;
}

/**
 * One take, atomically, in Redis: refill by the time since the last take (Redis's own clock, so
 * replicas with different clocks agree), take one token if there is one, write back, and expire the
 * key once the bucket would be full anyway. Tokens are returned as a string: Redis turns a Lua number
 * into an integer.
 */
export const TAKE_SCRIPT = `
-- Redis before 5 replicates scripts whole and refuses a write after TIME; replicating the effects
-- instead works there, and is what Redis 5 and later do anyway.
if redis.replicate_commands then redis.replicate_commands() end
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local held = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(held[1])
local at = tonumber(held[2])
if tokens == nil or at == nil then
  tokens = capacity
elseif now > at then
  tokens = tokens + (now - at) * per_ms
end
if tokens > capacity then tokens = capacity end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / per_ms) + 1000)
return { allowed, tostring(tokens) }
`;

type TakeCommand = (key: string, capacity: number, perMs: number) => Promise<[number, string]>;

/** Longest wait of the first requests for the first connection to Redis. */
const FIRST_CONNECTION_MS = 1000;

/** How long requests skip a Redis that failed a command on a live connection. */
const REDIS_PAUSE_MS = 1000;

/** How often, at most, an unreachable Redis is logged. */
const REDIS_WARN_EVERY_MS = 60_000;

/**
 * Buckets in Redis, shared by every gateway given the same URL. Redis must never take the platform
 * down: when it cannot answer (down, unreachable, slower than `redisTimeoutMs`) the request is counted
 * in this process's own buckets instead — each replica then limits on its own, so a caller may get up
 * to one budget per replica until Redis is back — and that is logged at most once a minute. Commands
 * are not queued while disconnected: they fail at once, so an outage costs no request any time; a
 * Redis that hangs costs one request per second the timeout, the others skip it meanwhile.
 */
export class RedisBuckets implements BucketStore {
  private readonly redis: Redis;
  private readonly takeCommand: TakeCommand;
  private readonly fallback = new MemoryBuckets();
  private readonly prefix: string;
  private lastWarnAt = Number.NEGATIVE_INFINITY;
  private failing = false;
  private skipUntil = 0;
  private readonly firstConnection: Promise<boolean>;
  private started = false;

  constructor(
    options: RateLimitOptions,
    private readonly log: Logger,
  ) {
    this.prefix = options.redisKeyPrefix ?? 'peacegraph:rate:';
    this.redis = new Redis(options.redisUrl!, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.redisTimeoutMs ?? 250,
      connectTimeout: 2000,
      // Reconnect for ever, at most every 2 s: the gateway serves meanwhile.
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    this.redis.on('error', (error: Error) => this.unreachable(error));
    this.redis.on('ready', () => {
      this.skipUntil = 0;
      if (!this.failing) return;
      this.failing = false;
      this.log.info('rate limits: Redis reachable again, buckets shared again');
    });
    // The first requests wait for the first connection (at most a second, or its first error)
    // rather than be counted apart from the other replicas while it is being made.
    this.firstConnection = new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), FIRST_CONNECTION_MS).unref();
      const settle = (connected: boolean) => {
        clearTimeout(timer);
        resolve(connected);
      };
      this.redis.once('ready', () => settle(true));
      this.redis.once('error', () => settle(false));
    });
    void this.firstConnection.then(() => (this.started = true));
    this.redis.defineCommand('peacegraphTake', { numberOfKeys: 1, lua: TAKE_SCRIPT });
    const command = (this.redis as unknown as { peacegraphTake: TakeCommand }).peacegraphTake;
    this.takeCommand = command.bind(this.redis);
  }

  async take(key: string, policy: Policy): Promise<Take> {
    // After a failed command (a hung Redis answers nothing until the timeout), requests skip Redis
    // for a second rather than each wait for the timeout again; a new connection ends the pause.
    if (!this.started) await this.firstConnection;
    if (performance.now() < this.skipUntil) return this.fallback.takeNow(key, policy);
    try {
      const [allowed, tokens] = await this.takeCommand(`${this.prefix}${key}`, policy.capacity, ratePerSecond(policy) / 1000);
      return { allowed: allowed === 1, tokens: Number(tokens) };
    } catch (error) {
      // Not connected (yet, or any more): the connection's own 'error' events say why, once a minute.
      this.skipUntil = performance.now() + REDIS_PAUSE_MS;
      if (this.redis.status === 'ready' || /timed out/i.test((error as Error).message)) this.unreachable(error as Error);
      return this.fallback.takeNow(key, policy);
    }
  }

  /** Whether the first connection was made (within a second of the start, before any error). */
  connected(): Promise<boolean> {
    return this.firstConnection;
  }

  private unreachable(error: Error): void {
    this.failing = true;
    const now = Date.now();
    if (now - this.lastWarnAt < REDIS_WARN_EVERY_MS) return;
    this.lastWarnAt = now;
    this.log.warn(
      { reason: error.message },
      'rate limits: Redis does not answer; counting in this gateway only until it does (logged at most once a minute)',
    );
  }

  async close(): Promise<void> {
    await this.fallback.close();
    this.redis.disconnect();
  }
}
