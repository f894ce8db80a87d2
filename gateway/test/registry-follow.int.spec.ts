import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '@peacegraph/kit/server';
import { directorySdl, graphqlClient, type GraphQLResponse } from '@peacegraph/kit/testing';
import { startGateway, type GatewayOptions, type RunningGateway } from '../src/gateway';
import { parseCache } from '../src/registry-supergraph';
import { capturingLogger, type LogLine } from './fixtures/logs';
import { composedSdl, startRegistryFixture, type RegistryFixture } from './fixtures/registry-server';
import { startDirectoryFixture } from './fixtures/subgraphs';

const POPULATION = '{ community(id: "ml-kalana") { name population } }';
const POLL_MS = 100;

let registry: RegistryFixture;
let directory: Awaited<ReturnType<typeof startDirectoryFixture>>;
let dir: string;
let withoutPopulation: string;
let withPopulation: string;

beforeAll(async () => {
  withoutPopulation = await composedSdl({ directory: directorySdl() });
  withPopulation = await composedSdl({ directory: directorySdl({ population: true }) });
  // Every answer takes a while, so that requests are in flight when the supergraph changes.
  directory = await startDirectoryFixture({ delayMs: 20 });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peacegraph-registry-follow-'));
});

afterAll(async () => {
  await directory?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

let running: RunningGateway[] = [];
afterEach(async () => {
  await Promise.all(running.map((gateway) => gateway.stop()));
  running = [];
  await registry?.stop();
});

function follow(cachePath: string, overrides: Partial<GatewayOptions> = {}): Promise<RunningGateway> {
  return startGateway({
    registry: { url: registry.url, token: registry.token, cachePath, pollMs: POLL_MS, timeoutMs: 1000 },
    usage: false,
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: { directory: directory.url },
    logger: createLogger('gateway', 'silent'),
    ...overrides,
  }).then((gateway) => {
    running.push(gateway);
    return gateway;
  });
}

async function ready(gateway: RunningGateway): Promise<{ status: number; body: { supergraph: Record<string, unknown> } }> {
  const response = await fetch(new URL('/ready', gateway.url));
  return { status: response.status, body: (await response.json()) as { supergraph: Record<string, unknown> } };
}

async function until<T>(attempt: () => Promise<T | undefined>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

interface Timed {
  startedAt: number;
  endedAt: number;
  response: GraphQLResponse;
}

/** Four callers querying back to back until told to stop. */
function keepQuerying(gateway: RunningGateway): { stop: () => Promise<Timed[]> } {
  const query = graphqlClient(gateway.url);
  let going = true;
  const results: Timed[] = [];
  const callers = Array.from({ length: 4 }, async () => {
    while (going) {
      const startedAt = Date.now();
      const response = await query('{ community(id: "ml-kalana") { id name } }');
      results.push({ startedAt, endedAt: Date.now(), response });
    }
  });
  return {
    stop: async () => {
      going = false;
      await Promise.all(callers);
      return results;
    },
  };
}

describe('following the registry', () => {
  it('starts from the launched composition, keeps a copy, and shows where it came from in /ready', async () => {
    registry = await startRegistryFixture();
    const id = registry.launch(withoutPopulation, 'comp-2026-03-01-a');
    const cachePath = path.join(dir, 'start', 'supergraph.graphql');
    const gateway = await follow(cachePath);

    const answer = await graphqlClient(gateway.url)('{ community(id: "ml-kalana") { name } }');
    expect(answer).toEqual({ status: 200, data: { community: { name: 'Kalana' } } });
    expect(gateway.reloads.current).toMatchObject({ id, source: 'registry' });
    const { status, body } = await ready(gateway);
    expect(status).toBe(200);
    expect(body.supergraph).toMatchObject({
      loaded: true,
      id: 'comp-2026-03-01-a',
      source: 'registry',
      loadedAt: expect.any(String),
      lastPoll: { outcome: expect.stringMatching(/^(updated|not-modified)$/), at: expect.any(String) },
    });
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
    // The copy is the SDL as served, with its composition id, and still a supergraph file.
    const cached = parseCache(await fs.readFile(cachePath, 'utf8'));
    expect(cached).toMatchObject({ compositionId: id, sdl: withoutPopulation });
  });

  it('asks again with If-None-Match and is answered 304 while nothing new is launched', async () => {
    registry = await startRegistryFixture();
    const id = registry.launch(withoutPopulation);
    const gateway = await follow(path.join(dir, 'not-modified.graphql'));

    await until(async () => (registry.requests.filter((r) => r.status === 304).length >= 2 ? true : undefined), 'two 304s');
    const gets = registry.requests.filter((r) => r.path === '/supergraph');
    expect(gets[0]).toMatchObject({ status: 200, ifNoneMatch: undefined });
    expect(gets.slice(1).every((r) => r.status === 304 && r.ifNoneMatch === `"${id}"`)).toBe(true);
    expect((await ready(gateway)).body.supergraph.lastPoll).toMatchObject({ outcome: 'not-modified', status: 304 });
    expect(gateway.reloads.applied).toBe(0);
  });

  it('serves a newly launched composition without failing a request sent meanwhile, and shows it in /ready', async () => {
    registry = await startRegistryFixture();
    registry.launch(withoutPopulation);
    const gateway = await follow(path.join(dir, 'hot.graphql'));
    const query = graphqlClient(gateway.url);
    expect((await query(POPULATION)).status).toBe(400);

    const load = keepQuerying(gateway);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reloaded = gateway.reloads.next();
    const id = registry.launch(withPopulation);
    const outcome = await reloaded;
    const after = await until(async () => {
      const response = await query(POPULATION);
      return response.status === 200 ? response : undefined;
    }, 'the new field');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const results = await load.stop();

    expect(outcome).toMatchObject({ applied: true, id });
    expect(after.data).toEqual({ community: { name: 'Kalana', population: 5200 } });
    expect(results.length).toBeGreaterThan(20);
    expect(results.filter(({ response }) => response.status !== 200 || response.errors)).toEqual([]);
    const swappedAt = outcome.at.getTime();
    expect(results.filter(({ startedAt, endedAt }) => startedAt <= swappedAt && endedAt >= swappedAt).length).toBeGreaterThan(0);
    expect((await ready(gateway)).body.supergraph).toMatchObject({ id, source: 'registry', lastPoll: { outcome: expect.any(String) } });
    expect(parseCache(await fs.readFile(path.join(dir, 'hot.graphql'), 'utf8'))?.compositionId).toBe(id);
  });

  it('refuses a launched composition that is not a valid supergraph, once, and keeps serving the last good one', async () => {
    registry = await startRegistryFixture();
    const good = registry.launch(withPopulation);
    const cachePath = path.join(dir, 'invalid.graphql');
    const { log, lines } = capturingLogger();
    const gateway = await follow(cachePath, { logger: log });

    const refused = gateway.reloads.next();
    registry.launch('type Query { half a supergraph', 'comp-broken');
    expect(await refused).toMatchObject({ applied: false, reason: expect.stringContaining('Syntax Error') });
    await until(async () => (registry.requests.filter((r) => r.path === '/supergraph').length >= 5 ? true : undefined), 'more polls');

    expect(gateway.reloads.rejected).toBe(1);
    expect(lines.filter((line: LogLine) => String(line.msg).includes('not valid'))).toHaveLength(1);
    expect(await graphqlClient(gateway.url)(POPULATION)).toEqual({
      status: 200,
      data: { community: { name: 'Kalana', population: 5200 } },
    });
    const { status, body } = await ready(gateway);
    expect(status).toBe(200);
    expect(body.supergraph).toMatchObject({ id: good, lastPoll: { outcome: 'rejected', compositionId: 'comp-broken' } });
    expect(parseCache(await fs.readFile(cachePath, 'utf8'))?.compositionId).toBe(good);

    // A valid one launched after it is taken.
    const applied = gateway.reloads.next();
    const fixed = registry.launch(withoutPopulation);
    expect(await applied).toMatchObject({ applied: true, id: fixed });
  });

  it('keeps serving while the registry is down or failing, and takes the next launch once it is back', async () => {
    registry = await startRegistryFixture();
    registry.launch(withoutPopulation);
    const gateway = await follow(path.join(dir, 'down-later.graphql'));
    const query = graphqlClient(gateway.url);

    await registry.down();
    const load = keepQuerying(gateway);
    const unreachable = await until(async () => {
      const poll = (await ready(gateway)).body.supergraph.lastPoll as { outcome: string; reason?: string } | undefined;
      return poll?.outcome === 'unreachable' ? poll : undefined;
    }, 'an unreachable poll');
    expect(unreachable.reason).toMatch(/^could not be reached/);
    await registry.up();
    registry.failing = true;
    await until(async () => {
      const poll = (await ready(gateway)).body.supergraph.lastPoll as { status?: number } | undefined;
      return poll?.status === 500 ? true : undefined;
    }, 'a poll answered 500');
    const results = await load.stop();
    expect(results.length).toBeGreaterThan(10);
    expect(results.filter(({ response }) => response.status !== 200 || response.errors)).toEqual([]);
    expect((await ready(gateway)).status).toBe(200);

    registry.failing = false;
    const applied = gateway.reloads.next();
    const id = registry.launch(withPopulation);
    expect(await applied).toMatchObject({ applied: true, id });
    expect((await query(POPULATION)).data).toEqual({ community: { name: 'Kalana', population: 5200 } });
  });

  it('starts from its cached copy when the registry is down, says so, and follows the registry once it is back', async () => {
    registry = await startRegistryFixture();
    const cachePath = path.join(dir, 'cache-start.graphql');
    const id = registry.launch(withPopulation);
    const first = await follow(cachePath);
    await first.stop();
    running = [];
    await registry.down();

    const { log, lines } = capturingLogger();
    const gateway = await follow(cachePath, { logger: log });
    expect(gateway.reloads.current).toMatchObject({ id, source: 'cache' });
    expect(lines.find((line) => String(line.msg).startsWith('serving the cached supergraph'))).toMatchObject({
      compositionId: id,
      cachePath,
      reason: expect.stringMatching(/^could not be reached/),
    });
    expect(await graphqlClient(gateway.url)(POPULATION)).toEqual({
      status: 200,
      data: { community: { name: 'Kalana', population: 5200 } },
    });
    const { status, body } = await ready(gateway);
    expect(status).toBe(200);
    expect(body.supergraph).toMatchObject({ id, source: 'cache', lastPoll: { outcome: 'unreachable' } });

    // Back up with the same composition: the registry confirms the copy (304) and the source says so.
    await registry.up();
    await until(async () => ((await ready(gateway)).body.supergraph.source === 'registry' ? true : undefined), 'source registry');
    const applied = gateway.reloads.next();
    const next = registry.launch(withoutPopulation);
    expect(await applied).toMatchObject({ applied: true, id: next });
  });

  it('refuses to start with neither the registry nor a cached copy, in plain words', async () => {
    registry = await startRegistryFixture();
    await expect(follow(path.join(dir, 'never-written.graphql'))).rejects.toThrow(
      `No supergraph to serve: the registry at ${registry.url} has no launched supergraph yet (404: no composition has been launched yet), ` +
        `and there is no cached copy at ${path.join(dir, 'never-written.graphql')}. Launch a composition in the registry, or unset REGISTRY_URL to serve SUPERGRAPH_PATH.`,
    );
    await registry.down();
    await expect(follow(path.join(dir, 'never-written.graphql'))).rejects.toThrow(/the registry at .* could not be reached \(/);
  });

  it('starts from its cached copy when the registry refuses its token, and says why', async () => {
    registry = await startRegistryFixture();
    const id = registry.launch(withoutPopulation);
    const cachePath = path.join(dir, 'token.graphql');
    await (await follow(cachePath)).stop();
    running = [];

    const gateway = await startGateway({
      registry: { url: registry.url, token: 'revoked', cachePath, pollMs: POLL_MS },
      usage: false,
      port: 0,
      host: '127.0.0.1',
      subgraphUrls: { directory: directory.url },
      logger: createLogger('gateway', 'silent'),
    });
    running.push(gateway);
    expect((await ready(gateway)).body.supergraph).toMatchObject({
      id,
      source: 'cache',
      lastPoll: { outcome: 'unauthorized', status: 401 },
    });
  });
});
