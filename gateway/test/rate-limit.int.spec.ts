import { spawnSync } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { createAuthenticator, type ApiKeyIdentity, type IdentityStore } from '@peacegraph/kit/auth';
import { createLogger } from '@peacegraph/kit/server';
import {
  TEST_AUTH,
  bearer,
  conflictsSdl,
  createSupergraphWorkspace,
  directorySdl,
  type SupergraphWorkspace,
} from '@peacegraph/kit/testing';
import { composeSupergraph } from '@peacegraph/kit/composition';
import { startGateway, type GatewayOptions, type RunningGateway } from '../src/gateway';
import type { RateLimitOptions } from '../src/rate-limit';
import { capturingLogger, WARN } from './fixtures/logs';
import { startConflictsFixture, startDirectoryFixture } from './fixtures/subgraphs';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
const KEYS: Record<string, ApiKeyIdentity> = {
  pgk_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: { keyId: 'k1', prefix: 'pgk_aaaa', organisationId: ORG_A, scopes: ['directory:read'] },
  pgk_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb: { keyId: 'k2', prefix: 'pgk_bbbb', organisationId: ORG_A, scopes: ['directory:read'] },
};
const [KEY_A, KEY_B] = Object.keys(KEYS) as [string, string];
/** How many API keys the gateway asked to verify: what guessing keys costs the directory. */
let verifications = 0;
const identities: IdentityStore = {
  organisationExists: async () => true,
  verifyApiKey: async (key) => {
    verifications += 1;
    return KEYS[key] ?? null;
  },
};

const REDIS = { host: '127.0.0.1', port: 6379 };
/** Asked once, synchronously, so that the Redis tests can be skipped at collection time. */
const redisAnswers = (() => {
  const script = `const s=require('net').connect(${REDIS.port},'${REDIS.host}');s.setTimeout(1000,()=>process.exit(1));s.on('error',()=>process.exit(1));s.on('data',d=>process.exit(String(d).startsWith('+PONG')?0:1));s.write('PING\\r\\n');`;
  return spawnSync(process.execPath, ['-e', script], { timeout: 3000 }).status === 0;
})();
const describeRedis = redisAnswers || process.env.CI === 'true' ? describe : describe.skip;
if (!redisAnswers && process.env.CI !== 'true') {
  console.warn(`Redis does not answer at ${REDIS.host}:${REDIS.port}: the rate-limit tests that share buckets through it are skipped`);
}

let workspace: SupergraphWorkspace;
let directory: Awaited<ReturnType<typeof startDirectoryFixture>>;
let conflicts: Awaited<ReturnType<typeof startConflictsFixture>>;
const running: RunningGateway[] = [];

beforeAll(async () => {
  workspace = await createSupergraphWorkspace({ directory: directorySdl(), conflicts: conflictsSdl });
  await composeSupergraph({ configPath: workspace.configPath });
  directory = await startDirectoryFixture();
  conflicts = await startConflictsFixture();
});

afterAll(async () => {
  for (const gateway of running) await gateway.stop();
  await directory?.stop();
  await conflicts?.stop();
  await workspace?.remove();
});

async function gatewayWith(rateLimit: RateLimitOptions | false | undefined, more: Partial<GatewayOptions> = {}): Promise<RunningGateway> {
  const gateway = await startGateway({
    supergraphPath: workspace.supergraphPath,
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: { directory: directory.url, conflicts: conflicts.url },
    logger: createLogger('gateway', 'silent'),
    authenticate: await createAuthenticator(TEST_AUTH, identities),
    rateLimit,
    ...more,
  });
  running.push(gateway);
  return gateway;
}

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function call(gateway: RunningGateway, headers: Record<string, string> = {}, query = '{ __typename }'): Promise<Answer> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

const limits = (answer: Answer) => ({
  limit: answer.headers.get('ratelimit-limit'),
  remaining: answer.headers.get('ratelimit-remaining'),
  policy: answer.headers.get('ratelimit-policy'),
});
/** A fresh anonymous caller: an address of the documentation range, sent by a trusted (loopback) proxy. */
const fromAddress = (address = `203.0.113.${Math.floor(Math.random() * 250) + 1}`) => ({ 'x-forwarded-for': address });

describe('rate limits in one gateway (in memory)', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await gatewayWith({ limit: 4, anonymousLimit: 3, windowSeconds: 60 });
  });

  it('counts an anonymous caller down exactly, then answers 429 with Retry-After, RATE_LIMITED and when to retry', async () => {
    const who = fromAddress('203.0.113.10');
    const answers: Answer[] = [];
    for (let i = 0; i < 4; i += 1) answers.push(await call(gateway, who));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map(limits)).toEqual(['2', '1', '0', '0'].map((remaining) => ({ limit: '3', remaining, policy: '3;w=60' })));
    // One request every 20 s refills the bucket: full again 20 s per request taken.
    const resets = answers.map((a) => Number(a.headers.get('ratelimit-reset')));
    expect(resets.slice(0, 3)).toEqual([20, 40, 60]);
    expect(answers.slice(0, 3).every((a) => a.headers.get('retry-after') === null)).toBe(true);

    const refused = answers[3]!;
    expect(refused.headers.get('retry-after')).toBe('20');
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(refused.body).toEqual({
      errors: [
        {
          message: 'Too many requests: an anonymous caller from this address may make 3 requests every 60 seconds. Retry in 20 seconds.',
          extensions: { code: 'RATE_LIMITED', retryable: true },
        },
      ],
    });
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('puts the headers on every answer: an error of the query, a refused credential, a body too large', async () => {
    const who = fromAddress('203.0.113.11');
    const badQuery = await call(gateway, who, '{ nope }');
    expect(badQuery.status).toBe(400);
    expect(limits(badQuery)).toEqual({ limit: '3', remaining: '2', policy: '3;w=60' });
    // A credential that does not verify is counted under its address, as anonymous: guessing keys costs budget.
    const forged = await call(gateway, { ...who, authorization: 'Bearer pgk_0000000000000000000000000000dead' });
    expect(forged.status).toBe(401);
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(limits(forged)).toEqual({ limit: '3', remaining: '1', policy: '3;w=60' });
    const large = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...who },
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(2_000_000)}` }),
    });
    expect(large.status).toBe(413);
    expect(large.headers.get('ratelimit-remaining')).toBe('0');
  });

  it('keeps one bucket per API key, per token subject within its organisation, and per address (per /64 in IPv6)', async () => {
    const keyA = { authorization: `Bearer ${KEY_A}`, ...fromAddress('203.0.113.20') };
    const keyB = { authorization: `Bearer ${KEY_B}`, ...fromAddress('203.0.113.20') };
    const aminaA = { authorization: await bearer(ORG_A, 'directory:read', { subject: 'amina' }), ...fromAddress('203.0.113.20') };
    const aminaAgain = {
      authorization: await bearer(ORG_A, 'directory:read', { subject: 'amina', ttl: '5m' }),
      ...fromAddress('203.0.113.21'),
    };
    const aminaB = { authorization: await bearer(ORG_B, 'directory:read', { subject: 'amina' }), ...fromAddress('203.0.113.20') };

    const remaining = async (headers: Record<string, string>) => (await call(gateway, headers)).headers.get('ratelimit-remaining');
    expect(await remaining(keyA)).toBe('3');
    expect(await remaining(keyA)).toBe('2');
    expect(await remaining(keyB)).toBe('3');
    expect(await remaining(aminaA)).toBe('3');
    // Another token for the same subject and organisation, from another address: the same bucket.
    expect(await remaining(aminaAgain)).toBe('2');
    expect(await remaining(aminaB)).toBe('3');
    // Signed-in callers' requests were not counted under the address they came from.
    expect(await remaining(fromAddress('203.0.113.20'))).toBe('2');
    expect((await call(gateway, keyA)).headers.get('ratelimit-policy')).toBe('4;w=60');

    expect(await remaining(fromAddress('2001:db8:5:6::1'))).toBe('2');
    expect(await remaining(fromAddress('2001:db8:5:6:ffff::9'))).toBe('1');
    expect(await remaining(fromAddress('2001:db8:5:7::1'))).toBe('2');
    expect(await remaining(fromAddress('::ffff:203.0.113.30'))).toBe('2');
    expect(await remaining(fromAddress('203.0.113.30'))).toBe('1');
  });

  it('takes the address from X-Forwarded-For only from a trusted proxy (loopback by default)', async () => {
    const untrusting = await gatewayWith({ limit: 4, anonymousLimit: 3, windowSeconds: 60 }, { trustProxy: false });
    expect((await call(untrusting, fromAddress('203.0.113.40'))).headers.get('ratelimit-remaining')).toBe('2');
    // Another claimed address, the same socket address: the same bucket.
    expect((await call(untrusting, fromAddress('203.0.113.41'))).headers.get('ratelimit-remaining')).toBe('1');
    // From another loopback address, without a claim, the trusting gateway counts that address.
    const viaSocket = await new Promise<string | undefined>((resolve, reject) => {
      const request = http.request(
        gateway.url,
        { method: 'POST', localAddress: '127.0.0.2', headers: { 'content-type': 'application/json' } },
        (response) => {
          response.resume();
          resolve(response.headers['ratelimit-remaining'] as string | undefined);
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify({ query: '{ __typename }' }));
    });
    expect(viaSocket).toBe('2');
  });

  it("tells the subgraphs the caller's state in peacegraph-rate-limit, replacing what the client sent", async () => {
    const who = { authorization: `Bearer ${KEY_B}`, 'peacegraph-rate-limit': 'limit=999999;remaining=999999;reset=0;policy=999999;w=1' };
    const answer = await call(gateway, who, '{ community(id: "c1") { name } }');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('ratelimit-remaining')).toBe('2');
    expect(directory.received.at(-1)?.['peacegraph-rate-limit']).toMatch(/^limit=4;remaining=2;reset=(29|30);policy=4;w=60$/);
  });
});

describe('guessing API keys', () => {
  it('past an anonymous budget of failed credentials, an address is refused before its next credential is verified', async () => {
    const gateway = await gatewayWith({ limit: 100, anonymousLimit: 3, windowSeconds: 60 });
    const guesser = fromAddress('203.0.113.77');
    const guess = (n: number) => ({ ...guesser, authorization: `Bearer pgk_${String(n).padStart(32, '0')}` });
    const before = verifications;
    for (let n = 1; n <= 3; n++) expect((await call(gateway, guess(n))).status).toBe(401);
    expect(verifications - before).toBe(3);
    for (let n = 4; n <= 10; n++) {
      const refused = await call(gateway, guess(n));
      expect([refused.status, refused.body.errors?.[0]?.extensions?.code]).toEqual([429, 'RATE_LIMITED']);
      expect(refused.body.errors?.[0]?.message).toMatch(
        /^Too many credentials from this address failed verification\. Retry in \d+ seconds?\.$/,
      );
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Seven more guesses, and not one more lookup.
    expect(verifications - before).toBe(3);
    // Another address is not held back, nor a real key from it.
    expect((await call(gateway, { ...fromAddress('203.0.113.78'), authorization: `Bearer ${KEY_A}` })).status).toBe(200);
  });
});

describe('a bucket refills over time', () => {
  it('gives back one request per 1/rate seconds: a refused caller is served again once Retry-After has passed', async () => {
    // 4 per second, at most 2 at once.
    const gateway = await gatewayWith({ limit: 4, anonymousLimit: 2, burst: 2, windowSeconds: 1 });
    const who = fromAddress('203.0.113.50');
    expect((await call(gateway, who)).status).toBe(200);
    expect((await call(gateway, who)).status).toBe(200);
    const refused = await call(gateway, who);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('ratelimit-policy')).toBe('2;w=1');
    await new Promise((resolve) => setTimeout(resolve, 600));
    const again = await call(gateway, who);
    expect(again.status).toBe(200);
    expect(again.headers.get('ratelimit-remaining')).toBe('0');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await call(gateway, who)).headers.get('ratelimit-remaining')).toBe('1');

    const signedIn = { authorization: `Bearer ${KEY_A}` };
    const first = await call(gateway, signedIn);
    expect(first.headers.get('ratelimit-policy')).toBe('4;w=1;burst=2');
    expect(first.headers.get('ratelimit-reset')).toBe('1');
  });
});

describe('without rate limits', () => {
  it('sends no RateLimit header and passes no client-sent state to the subgraphs', async () => {
    const gateway = await gatewayWith(undefined);
    const answer = await call(
      gateway,
      { 'peacegraph-rate-limit': 'limit=1;remaining=1;reset=0;policy=1;w=1' },
      '{ community(id: "c2") { name } }',
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('ratelimit-limit')).toBeNull();
    expect(directory.received.at(-1)?.['peacegraph-rate-limit']).toBeUndefined();
  });
});

describeRedis('rate limits shared through Redis (REDIS_URL)', () => {
  const redisUrl = `redis://${REDIS.host}:${REDIS.port}`;

  it('two gateways with the same REDIS_URL count one bucket', async () => {
    const prefix = `peacegraph:test:${randomUUID()}:`;
    const options = { limit: 5, anonymousLimit: 3, windowSeconds: 60, redisUrl, redisKeyPrefix: prefix };
    const [one, two] = [await gatewayWith(options), await gatewayWith(options)];
    const who = { authorization: `Bearer ${KEY_A}` };
    const seen: (string | null)[] = [];
    for (const gateway of [one, two, one, two, one]) seen.push((await call(gateway, who)).headers.get('ratelimit-remaining'));
    expect(seen).toEqual(['4', '3', '2', '1', '0']);
    const refused = await call(two, who);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('12');
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryable: true });
    // Anonymous callers are shared by address the same way.
    expect((await call(one, fromAddress('203.0.113.60'))).headers.get('ratelimit-remaining')).toBe('2');
    expect((await call(two, fromAddress('203.0.113.60'))).headers.get('ratelimit-remaining')).toBe('1');
  });

  it('serves every request when Redis cannot be reached, counting in the gateway alone, and says so once', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const { log, lines } = capturingLogger('warn');
    const gateway = await gatewayWith(
      { limit: 5, anonymousLimit: 3, windowSeconds: 60, redisUrl: `redis://127.0.0.1:${closedPort}` },
      { logger: log },
    );
    const who = { authorization: `Bearer ${KEY_B}` };
    const started = Date.now();
    const answers: Answer[] = [];
    for (let i = 0; i < 4; i += 1) answers.push(await call(gateway, who));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['4', '3', '2', '1']);
    // No request waited for Redis.
    expect(Date.now() - started).toBeLessThan(2000);
    const warnings = lines.filter((line) => line.level === WARN && line.msg.startsWith('rate limits: Redis does not answer'));
    expect(warnings).toHaveLength(1);
  });

  it('does not make every request wait for a Redis that accepts connections and never answers', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const { log, lines } = capturingLogger('warn');
    const gateway = await gatewayWith(
      { limit: 5, anonymousLimit: 3, windowSeconds: 60, redisUrl: `redis://127.0.0.1:${port}`, redisTimeoutMs: 200 },
      { logger: log },
    );
    const who = { authorization: `Bearer ${KEY_A}` };
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const answers: Answer[] = [];
    for (let i = 0; i < 6; i += 1) answers.push(await call(gateway, who));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429]);
    // At most the wait for a first connection (1 s) and one command timeout, not one per request.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(lines.filter((line) => line.level === WARN && line.msg.startsWith('rate limits: Redis')).length).toBeLessThanOrEqual(1);
    for (const socket of sockets) socket.destroy();
    silent.close();
  });
});
