import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { createAuthenticator } from '@peacegraph/kit/auth';
import { TEST_AUTH, bearer, directorySdl, graphqlClient, until } from '@peacegraph/kit/testing';
import { hourOf, type UsageEntry } from '@peacegraph/kit/usage';
import { startGateway, type RunningGateway } from '../src/gateway';
import { UsageReporter } from '../src/usage/reporter';
import type { ServedOperation } from '../src/usage/buffer';
import { capturingLogger, WARN, type LogLine } from './fixtures/logs';
import { composedSdl, startRegistryFixture, type RegistryFixture } from './fixtures/registry-server';
import { startDirectoryFixture } from './fixtures/subgraphs';

let registry: RegistryFixture;
let directory: Awaited<ReturnType<typeof startDirectoryFixture>>;
let gateway: RunningGateway;
let cacheDir: string;
let compositionId: string;
let lines: LogLine[];
let query: ReturnType<typeof graphqlClient>;
let orgA: string;

/** Organisations are directory ids: UUIDs, as the registry checks. */
const ORG_A = '0b7c52a4-4f0e-4a55-9a39-2f1c3f5e8a01';

beforeAll(async () => {
  registry = await startRegistryFixture();
  compositionId = registry.launch(await composedSdl({ directory: directorySdl() }));
  directory = await startDirectoryFixture();
  cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), 'peacegraph-usage-'));
  const logger = capturingLogger();
  lines = logger.lines;
  gateway = await startGateway({
    registry: { url: registry.url, token: registry.token, cachePath: path.join(cacheDir, 'supergraph.graphql'), pollMs: 60_000 },
    // Reports are sent when a test says so (flush), not on a timer.
    usage: { flushMs: 600_000, gatewayId: 'gateway-under-test' },
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: { directory: directory.url },
    logger: logger.log,
    // The directory's part of verification: ORG_A exists.
    authenticate: await createAuthenticator(TEST_AUTH, {
      organisationExists: async (id) => id === ORG_A,
      verifyApiKey: async () => null,
    }),
  });
  query = graphqlClient(gateway.url);
  orgA = await bearer(ORG_A, 'directory:read');
});

afterAll(async () => {
  await gateway?.stop();
  await directory?.stop();
  await registry?.stop();
  await fs.rm(cacheDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await gateway.usage!.flush();
  registry.reports.length = 0;
  lines.length = 0;
});

/**
 * Operations are recorded once their answer has left the gateway, which a client can see a moment
 * before the gateway does: this waits for the log lines of the test's `requests`.
 */
async function answered(requests: number): Promise<void> {
  await until(() => lines.filter((line) => line.msg === 'graphql request').length >= requests, `${requests} requests logged`);
}

/** Everything reported since the test began, after sending what the gateway holds. */
async function reported(requests: number): Promise<UsageEntry[]> {
  await answered(requests);
  await gateway.usage!.flush();
  return registry.reports.flatMap((report) => report.operations);
}

describe('usage reported by the gateway', () => {
  it('reports each operation once per signature, client, organisation and hour, with counts, errors and latency', async () => {
    const sync = { authorization: orgA, 'graphql-client-name': 'ushahidi-sync', 'graphql-client-version': '1.2' };
    for (const id of ['ml-kalana', 'bf-dori', 'ne-tera']) {
      expect((await query(`query Village { community(id: "${id}") { name id } }`, {}, sync)).status).toBe(200);
    }
    // The same operation written otherwise, from the same client naming itself in Apollo's headers.
    const apolloHeaders = { authorization: orgA, 'apollographql-client-name': 'ushahidi-sync', 'apollographql-client-version': '1.2' };
    await query('query Village {\n  place: community(id: "x") {\n    id\n    name\n  }\n}', {}, apolloHeaders);
    // The same operation, anonymous and with no client name.
    await query('query Village { community(id: "y") { name id } }');
    const broken = await query('query Broken { brokenCommunity { name } }', {}, sync);
    expect(broken.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');

    const entries = await reported(6);
    expect(registry.reports).toHaveLength(1);
    expect(registry.reports[0]).toMatchObject({ gateway: 'gateway-under-test', compositionId, dropped: 0 });
    const village = entries.filter((e) => e.name === 'Village');
    expect(village).toHaveLength(2);
    const [fromSync, anonymous] = village;
    expect(fromSync).toMatchObject({
      signature: createHash('sha256').update(fromSync!.document).digest('hex'),
      document: 'query Village{community(id:""){id name}}',
      coordinates: ['Community.id', 'Community.name', 'Query.community'],
      clientName: 'ushahidi-sync',
      clientVersion: '1.2',
      organisationId: ORG_A,
      hour: hourOf(new Date()),
      count: 4,
      errors: 0,
    });
    expect(anonymous).toMatchObject({
      signature: fromSync!.signature,
      clientName: null,
      clientVersion: null,
      organisationId: null,
      count: 1,
    });
    for (const entry of entries) {
      expect(entry.latency.reduce((sum, n) => sum + n, 0)).toBe(entry.count);
      expect(entry.totalMs).toBeGreaterThanOrEqual(0);
    }
    expect(entries.find((e) => e.name === 'Broken')).toMatchObject({
      count: 1,
      errors: 1,
      coordinates: ['Community.name', 'Query.brokenCommunity'],
    });
  });

  it('reports what a client sends in its headers only as printable text the registry takes, and no name a document lacks', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'graphql-client-name': `sync\tagent ${'x'.repeat(300)}`,
        'graphql-client-version': '\t',
      },
      body: JSON.stringify({ query: '{ community(id: "a") { name } }', operationName: 'NotInTheDocument' }),
    });
    expect(response.status).toBe(400);

    const entries = await reported(1);
    expect(registry.reports).toHaveLength(1);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ name: null, clientVersion: null, errors: 1 });
    expect(entries[0]!.clientName).toBe(`syncagent ${'x'.repeat(190)}`);
  });

  it('counts an operation refused after parsing under its signature, but neither an unparsable one nor an unverified caller', async () => {
    const invalid = await query('query Census { community(id: "a") { population } }');
    expect(invalid.status).toBe(400);
    const tooDeep = await query(`query Deep { community(id: "a") { ${'neighbours { '.repeat(12)}id${' }'.repeat(12)} } }`);
    expect(tooDeep.status).toBe(400);
    expect((await query('query Half { community(')).status).toBe(400);
    expect((await query('query Village { community(id: "a") { name } }', {}, { authorization: 'Bearer not-a-token' })).status).toBe(401);

    const entries = await reported(4);
    expect(entries.map((e) => [e.name, e.count, e.errors, e.coordinates])).toEqual([
      ['Census', 1, 1, []],
      ['Deep', 1, 1, []],
    ]);
  });

  it('logs the operation name (from the document when the request names none), the client and the signature, for GET too', async () => {
    const url = new URL(gateway.url);
    url.searchParams.set('query', 'query Village { community(id: "ml-kalana") { name } }');
    const got = await fetch(url, {
      headers: { 'apollo-require-preflight': 'true', 'graphql-client-name': 'dashboard', 'graphql-client-version': '7' },
    });
    expect(got.status).toBe(200);
    await query('query Village { community(id: "bf-dori") { name } }', {}, { 'apollographql-client-name': 'etl' });
    await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ query: 'query Named { community(id: "a") { name } }', operationName: 'Named' }),
    });

    const [village] = await reported(3);
    const requests = lines.filter((line) => line.msg === 'graphql request');
    expect(
      requests.map(({ operation, clientName, clientVersion, signature, status }) => ({
        operation,
        clientName,
        clientVersion,
        signature,
        status,
      })),
    ).toEqual([
      { operation: 'Village', clientName: 'dashboard', clientVersion: '7', signature: village!.signature, status: 200 },
      { operation: 'Village', clientName: 'etl', clientVersion: null, signature: village!.signature, status: 200 },
      // Refused before its document was parsed: the name the body gave, no signature.
      { operation: 'Named', clientName: null, clientVersion: null, signature: null, status: 401 },
    ]);
  });

  it('answers every request while the registry is down, and reports how many operations it dropped once it is back', async () => {
    await registry.down();
    try {
      const statuses = await Promise.all(
        Array.from({ length: 4 }, async (_, caller) => {
          const seen: number[] = [];
          for (let i = 0; i < 50; i += 1) {
            const response = await query(`query Village { community(id: "c-${caller}-${i}") { name } }`);
            seen.push(response.errors ? 500 : response.status);
          }
          return seen;
        }),
      );
      expect(statuses.flat().filter((status) => status !== 200)).toEqual([]);
      expect(statuses.flat()).toHaveLength(200);

      await answered(200);
      const outcome = await gateway.usage!.flush();
      expect(outcome).toEqual({ sent: 0, failed: 1, operations: 0 });
      // A second failure within the minute is not warned about again.
      await query('query Village { community(id: "again") { name } }');
      await answered(201);
      expect(await gateway.usage!.flush()).toMatchObject({ failed: 1 });
      const warnings = lines.filter((line) => line.level === WARN && String(line.msg).startsWith('usage report not delivered'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ reason: expect.stringMatching(/^the registry could not be reached/), operations: 200 });
    } finally {
      await registry.up();
    }

    await query('query Village { community(id: "back") { name } }');
    const entries = await reported(202);
    expect(registry.reports).toHaveLength(1);
    expect(registry.reports[0]!.dropped).toBe(201);
    expect(entries.map((e) => e.count)).toEqual([1]);
  });
});

describe('usage reporter', () => {
  const log = capturingLogger().log;
  const operation = (i: number): ServedOperation => ({
    operation: { signature: i.toString(16).padStart(64, '0'), name: `Op${i}`, document: `query Op${i}{a}`, coordinates: ['Query.a'] },
    client: { name: 'sync', version: '1' },
    organisationId: ORG_A,
    at: new Date(),
    durationMs: 12,
    failed: false,
  });

  it('splits what it holds into reports under the registry limits', async () => {
    const limits = { entries: 10, bodyBytes: 4000 };
    const small = await startRegistryFixture({ limits });
    const reporter = new UsageReporter({ registryUrl: small.url, token: small.token, limits, compositionId: () => randomUUID(), log });
    try {
      for (let i = 0; i < 45; i += 1) reporter.record(operation(i));
      const outcome = await reporter.flush();
      expect(outcome.failed).toBe(0);
      expect(outcome.operations).toBe(45);
      expect(small.reports.length).toBeGreaterThanOrEqual(5);
      for (const report of small.reports) {
        expect(report.operations.length).toBeLessThanOrEqual(10);
        expect(Buffer.byteLength(JSON.stringify(report))).toBeLessThanOrEqual(4000);
      }
      expect(small.reports.flatMap((r) => r.operations.map((e) => e.name))).toEqual(Array.from({ length: 45 }, (_, i) => `Op${i}`));
    } finally {
      await reporter.stop();
      await small.stop();
    }
  });

  it('drops and counts the operations past a full buffer', async () => {
    const reporter = new UsageReporter({ registryUrl: registry.url, token: registry.token, bufferMax: 3, compositionId: () => null, log });
    registry.reports.length = 0;
    for (const i of [1, 2, 3, 4, 5, 1]) reporter.record(operation(i));
    await reporter.flush();
    expect(registry.reports).toHaveLength(1);
    expect(registry.reports[0]!.dropped).toBe(2);
    expect(registry.reports[0]!.operations.map((e) => [e.name, e.count])).toEqual([
      ['Op1', 2],
      ['Op2', 1],
      ['Op3', 1],
    ]);
    await reporter.stop();
  });

  it('gives up on a slow registry after its timeout, or on a refusal, and counts those operations as dropped', async () => {
    const reporter = new UsageReporter({
      registryUrl: registry.url,
      token: registry.token,
      timeoutMs: 100,
      compositionId: () => null,
      log,
    });
    const refused = new UsageReporter({ registryUrl: registry.url, token: 'wrong', compositionId: () => null, log });
    registry.reports.length = 0;
    registry.usageDelayMs = 1000;
    try {
      reporter.record(operation(1));
      reporter.record(operation(1));
      const started = Date.now();
      expect(await reporter.flush()).toEqual({ sent: 0, failed: 1, operations: 0 });
      expect(Date.now() - started).toBeLessThan(900);
    } finally {
      registry.usageDelayMs = 0;
    }
    refused.record(operation(2));
    expect(await refused.flush()).toMatchObject({ failed: 1 });
    expect(refused.totals).toMatchObject({ reportsFailed: 1, operationsDropped: 1 });
    // A report the registry finds wrong is not sent again either; the warning says what it found.
    const { log: watched, lines: warned } = capturingLogger();
    const wrong = new UsageReporter({
      registryUrl: registry.url,
      token: registry.token,
      gatewayId: '',
      compositionId: () => null,
      log: watched,
    });
    wrong.record(operation(4));
    expect(await wrong.flush()).toMatchObject({ failed: 1 });
    expect(warned[0]).toMatchObject({
      level: WARN,
      reason: 'the registry answered HTTP 400: The usage report was refused; gateway must be a short text',
    });
    await wrong.stop();

    reporter.record(operation(3));
    await reporter.flush();
    // The slow registry kept the first report after all; this one says what the gateway counted as lost.
    const last = registry.reports.at(-1)!;
    expect(last.dropped).toBe(2);
    expect(last.operations.map((e) => e.name)).toEqual(['Op3']);
    await reporter.stop();
    await refused.stop();
  });

  it('reports on its own every flushMs, and what is left when it stops', async () => {
    const reporter = new UsageReporter({ registryUrl: registry.url, token: registry.token, flushMs: 100, compositionId: () => null, log });
    registry.reports.length = 0;
    reporter.start();
    reporter.record(operation(1));
    const deadline = Date.now() + 5000;
    while (registry.reports.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(registry.reports.map((r) => r.operations.map((e) => e.name))).toEqual([['Op1']]);
    reporter.record(operation(2));
    await reporter.stop();
    expect(registry.reports.at(-1)!.operations.map((e) => e.name)).toEqual(['Op2']);
    reporter.record(operation(3));
    expect(reporter.buffer.size).toBe(0);
  });
});
