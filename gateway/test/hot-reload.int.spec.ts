import fs from 'node:fs/promises';
import { createLogger } from '@peacegraph/kit/server';
import {
  createSupergraphWorkspace,
  directorySdl,
  graphqlClient,
  type GraphQLResponse,
  type SupergraphWorkspace,
} from '@peacegraph/kit/testing';
import { composeSupergraph } from '@peacegraph/kit/composition';
import { startGateway, type RunningGateway } from '../src/gateway';
import { startDirectoryFixture } from './fixtures/subgraphs';

let workspace: SupergraphWorkspace;
let directory: Awaited<ReturnType<typeof startDirectoryFixture>>;
let gateway: RunningGateway;
let query: ReturnType<typeof graphqlClient>;

const POPULATION = '{ community(id: "ml-kalana") { name population } }';

beforeAll(async () => {
  workspace = await createSupergraphWorkspace({ directory: directorySdl() });
  await composeSupergraph({ configPath: workspace.configPath });
  // Every answer takes a while, so that requests are in flight when the supergraph changes.
  directory = await startDirectoryFixture({ delayMs: 40 });
  gateway = await startGateway({
    supergraphPath: workspace.supergraphPath,
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: { directory: directory.url },
    reloadDebounceMs: 50,
    logger: createLogger('gateway', 'silent'),
  });
  query = graphqlClient(gateway.url);
});

afterAll(async () => {
  await gateway?.stop();
  await directory?.stop();
  await workspace?.remove();
});

interface Timed {
  startedAt: number;
  endedAt: number;
  response: GraphQLResponse;
}

/** Four callers querying back to back until told to stop. */
function keepQuerying(): { stop: () => Promise<Timed[]> } {
  let running = true;
  const results: Timed[] = [];
  const caller = async () => {
    while (running) {
      const startedAt = Date.now();
      const response = await query('{ community(id: "ml-kalana") { id name } }');
      results.push({ startedAt, endedAt: Date.now(), response });
    }
  };
  const callers = Array.from({ length: 4 }, caller);
  return {
    stop: async () => {
      running = false;
      await Promise.all(callers);
      return results;
    },
  };
}

async function pollUntil<T>(attempt: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('supergraph hot reload', () => {
  it('serves a field added by `npm run compose` without failing a request sent meanwhile', async () => {
    const before = await query(POPULATION);
    expect(before.status).toBe(400);
    expect(before.errors?.[0]?.message).toBe('Cannot query field "population" on type "Community".');

    const load = keepQuerying();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reloaded = gateway.reloads.next();
    await workspace.writeSchema('directory', directorySdl({ population: true }));
    const report = await composeSupergraph({ configPath: workspace.configPath });
    expect(report.written).toBe(true);

    const outcome = await reloaded;
    const after = await pollUntil(async () => {
      const response = await query(POPULATION);
      return response.status === 200 ? response : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const results = await load.stop();

    expect(outcome).toMatchObject({ applied: true, id: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(gateway.reloads.applied).toBe(1);
    expect(after.data).toEqual({ community: { name: 'Kalana', population: 5200 } });

    const failures = results.filter(({ response }) => response.status !== 200 || response.errors);
    expect(failures).toEqual([]);
    expect(results.every(({ response }) => (response.data as { community?: { name?: string } }).community?.name === 'Kalana')).toBe(true);
    const reloadedAt = outcome.at.getTime();
    const inFlight = results.filter(({ startedAt, endedAt }) => startedAt <= reloadedAt && endedAt >= reloadedAt);
    expect(results.length).toBeGreaterThan(20);
    expect(inFlight.length).toBeGreaterThan(0);
  });

  it('ignores a supergraph file that is not valid and keeps serving the last good one', async () => {
    const rejected = gateway.reloads.next();
    await fs.writeFile(workspace.supergraphPath, 'type Query { half a file');

    const outcome = await rejected;

    expect(outcome).toMatchObject({ applied: false, reason: expect.stringContaining('Syntax Error') });
    expect(gateway.reloads.rejected).toBe(1);
    const response = await query(POPULATION);
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ community: { name: 'Kalana', population: 5200 } });
    const ready = await fetch(new URL('/ready', gateway.url));
    expect(ready.status).toBe(200);
  });

  it('picks up a file written in place, as an editor saves it, and can remove a field again', async () => {
    await workspace.writeSchema('directory', directorySdl());
    const out = `${workspace.dir}/composed-elsewhere.graphql`;
    await composeSupergraph({ configPath: workspace.configPath, outPath: out });
    const applied = gateway.reloads.next();

    await fs.writeFile(workspace.supergraphPath, await fs.readFile(out, 'utf8'));

    expect(await applied).toMatchObject({ applied: true });
    const response = await pollUntil(async () => {
      const answer = await query(POPULATION);
      return answer.status === 400 ? answer : undefined;
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(gateway.reloads.applied).toBe(2);
  });
});
