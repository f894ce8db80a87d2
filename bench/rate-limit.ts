/**
 * `npm run bench:rate-limit`: what the gateway's rate limiter costs a request, in memory and in
 * Redis. One run, back to back: the same gateway (its own process, the repository's supergraph)
 * without the limiter, with in-memory buckets, with buckets in Redis (REDIS_URL, default
 * redis://127.0.0.1:6379; skipped when it does not answer), driven by autocannon from this process
 * with `{ __typename }` as one signed-in caller. That query calls no subgraph, so the limiter's share
 * of a request is as large as it gets: a real query costs the same limiter time on top of more. The
 * limits are set far above what the run sends, so every request is counted and none refused. It
 * reports; it is not a timed test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import autocannon, { type Result } from 'autocannon';
import { createAuthenticator, signDevToken } from '@peacegraph/kit/auth';
import { createLogger } from '@peacegraph/kit/server';
import { startGateway } from '../gateway/src/gateway';
import { MemoryBuckets, RedisBuckets, type Policy, type RateLimitOptions } from '../gateway/src/rate-limit';

const AUTH = { hs256Secret: 'bench-rate-limit-secret-0123456789abcdef', issuer: 'peacegraph', audience: 'peacegraph' };
const ORGANISATION = '00000000-0000-4000-8000-000000000002';
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Each configuration is run this many times, in turn (A B C A B C): a shared machine drifts. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Never reached in a run: every request is counted, none refused. */
const HIGH = { limit: 1_000_000_000, anonymousLimit: 1_000_000_000, windowSeconds: 60 };

interface Run {
  name: string;
  rateLimit: RateLimitOptions | false;
}

/** The child: one gateway with the limiter the parent asked for, its URL sent back over IPC. */
async function serve(): Promise<void> {
  const rateLimit = JSON.parse(process.env.BENCH_RATE_LIMIT ?? 'false') as RateLimitOptions | false;
  const gateway = await startGateway({
    supergraphPath: path.resolve(__dirname, '..', 'supergraph.graphql'),
    port: 0,
    host: '127.0.0.1',
    logger: createLogger('gateway', 'warn'),
    authenticate: await createAuthenticator(AUTH, { organisationExists: async () => true, verifyApiKey: async () => null }),
    rateLimit,
  });
  process.send!({ url: gateway.url });
  // The parent asks for this process's CPU time before and after the measured run.
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send!({ cpuMicros: user + system });
  });
  process.on('disconnect', () => {
    void gateway.stop().then(() => process.exit(0));
  });
}

async function start(run: Run): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, 'serve'], {
    env: { ...process.env, BENCH_RATE_LIMIT: JSON.stringify(run.rateLimit) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { url: string }) => resolve(message.url));
    child.once('exit', (code) => reject(new Error(`the gateway of "${run.name}" exited with ${code}`)));
  });
  return { url, child };
}

/** The gateway process's CPU time so far (user + system), µs. */
function cpuOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message: { cpuMicros: number }) => resolve(message.cpuMicros));
    child.send('cpu');
  });
}

async function load(url: string, authorization: string, seconds: number): Promise<Result> {
  return autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
}

function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname);
    socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
    socket.on('error', () => resolve(false));
    socket.on('data', (data) => (socket.destroy(), resolve(String(data).startsWith('+PONG'))));
    socket.write('PING\r\n');
  });
}

async function main(): Promise<void> {
  const authorization = `Bearer ${await signDevToken(AUTH.hs256Secret, {
    subject: 'bench',
    organisationId: ORGANISATION,
    scopes: ['directory:read'],
    ttl: '1h',
    issuer: AUTH.issuer,
    audience: AUTH.audience,
  })}`;
  const runs: Run[] = [
    { name: 'no limiter', rateLimit: false },
    { name: 'in memory', rateLimit: HIGH },
  ];
  if (await redisAnswers(REDIS_URL)) {
    runs.push({ name: 'Redis', rateLimit: { ...HIGH, redisUrl: REDIS_URL, redisKeyPrefix: `peacegraph:bench:${process.pid}:` } });
  } else {
    console.log(`Redis does not answer at ${REDIS_URL}: its run is skipped`);
  }
  console.log(
    `${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the start`,
  );
  console.log(`{ __typename } as one signed-in caller, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s each\n`);

  await takes(runs.length === 3);
  const rows: {
    name: string;
    round: number;
    rps: number;
    cpuPerRequestUs: number;
    p50: number;
    p99: number;
    non2xx: number;
    errors: number;
  }[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const run of runs) rows.push({ ...(await measure(run, authorization)), round });
  }

  console.log('| run | round | req/s | gateway CPU µs a request | p50 ms | p99 ms | non-2xx | errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${row.round} | ${row.rps.toFixed(0)} | ${row.cpuPerRequestUs.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.non2xx} | ${row.errors} |`,
    );
  }
  const median = (name: string, of: 'rps' | 'cpuPerRequestUs' = 'rps') => {
    const values = rows.filter((row) => row.name === name).map((row) => row[of]);
    values.sort((a, b) => a - b);
    const middle = Math.floor(values.length / 2);
    return values.length % 2 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
  };
  const base = median(runs[0]!.name);
  const baseCpu = median(runs[0]!.name, 'cpuPerRequestUs');
  for (const run of runs.slice(1)) {
    const rps = median(run.name);
    const cpu = median(run.name, 'cpuPerRequestUs');
    console.log(
      `${run.name} (medians of ${ROUNDS}): ${rps.toFixed(0)} against ${base.toFixed(0)} req/s, ratio ${(rps / base).toFixed(3)}; ` +
        `gateway CPU ${cpu.toFixed(0)} against ${baseCpu.toFixed(0)} µs a request, ratio ${(cpu / baseCpu).toFixed(3)}`,
    );
  }
  console.log(
    `\nload average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the end`,
  );
  if (rows.some((row) => row.non2xx > 0 || row.errors > 0)) process.exitCode = 1;
}

/**
 * The take alone, without HTTP: in this process's memory, and one round trip to Redis at a time
 * (the script run by EVALSHA), so the figure does not depend on how busy the gateway is.
 */
async function takes(withRedis: boolean): Promise<void> {
  const policy: Policy = { capacity: 1_000_000_000, quota: 1_000_000_000, windowSeconds: 60 };
  const memory = new MemoryBuckets();
  const n = 200_000;
  let started = performance.now();
  for (let i = 0; i < n; i += 1) memory.takeNow(`sub:org:caller-${i % 1000}`, policy);
  console.log(
    `in memory: ${(((performance.now() - started) / n) * 1000).toFixed(2)} µs a take (${n.toLocaleString('en')} takes over 1,000 callers)`,
  );
  await memory.close();
  if (!withRedis) return;
  const redis = new RedisBuckets(
    { redisUrl: REDIS_URL, redisKeyPrefix: `peacegraph:bench:${process.pid}:` },
    createLogger('bench', 'warn'),
  );
  if (!(await redis.connected())) throw new Error(`Redis at ${REDIS_URL} did not connect`);
  await redis.take('warm-up', policy);
  const m = 5_000;
  started = performance.now();
  for (let i = 0; i < m; i += 1) await redis.take(`sub:org:caller-${i % 1000}`, policy);
  console.log(
    `Redis: ${(((performance.now() - started) / m) * 1000).toFixed(0)} µs a take, one at a time (${m.toLocaleString('en')} takes)`,
  );
  await redis.close();
  console.log('');
}

async function measure(run: Run, authorization: string) {
  {
    const { url, child } = await start(run);
    try {
      const check = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      const limited = check.headers.get('ratelimit-limit') !== null;
      console.log(`${run.name}: measuring`);
      if (check.status !== 200 || limited !== (run.rateLimit !== false)) {
        throw new Error(`"${run.name}": HTTP ${check.status}, RateLimit-Limit ${check.headers.get('ratelimit-limit')}`);
      }
      if (WARMUP > 0) await load(url, authorization, WARMUP);
      const before = await cpuOf(child);
      const result = await load(url, authorization, DURATION);
      const cpuMicros = (await cpuOf(child)) - before;
      return {
        name: run.name,
        rps: result.requests.average,
        cpuPerRequestUs: cpuMicros / result.requests.total,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      };
    } finally {
      child.disconnect();
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
}

if (process.argv[2] === 'serve') {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
