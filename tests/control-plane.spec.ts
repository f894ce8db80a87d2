import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '@peacegraph/kit/server';
import { graphqlClient, ok, until } from '@peacegraph/kit/testing';
import { startGateway, type RunningGateway } from '../gateway/src/gateway';
import {
  GRIEVANCES_V1,
  GRIEVANCES_V2,
  startDeployableSubgraph,
  type DeployableSubgraph,
} from '../registry/test/fixtures/deployable-subgraph';
import { ORGS, startRegistryForTest, type RegistryUnderTest } from '../registry/test/support';

/**
 * The control plane end to end, every part real and over HTTP: a partner's subgraph, the registry
 * on PostgreSQL, and a gateway that follows it and reports usage to it.
 */
const V1 = GRIEVANCES_V1;
const V2 = GRIEVANCES_V2;
const WITHOUT_SUMMARY = V2.replace('  summary: String\n', '');
const READ_SUMMARY = 'query GrievanceSummary { grievance(id: "g-1") { id summary } }';
const PUBLISH = `mutation ($input: PublishInput!) { publishSchema(input: $input) { outcome reasons launch { composition { id } } } }`;

let registry: RegistryUnderTest;
let grievances: DeployableSubgraph;
let dir: string;
const gateways: RunningGateway[] = [];

async function gatewayFollowing(base: string): Promise<RunningGateway> {
  const gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    registry: {
      url: base,
      token: registry.gatewayAuthorization.replace('Bearer ', ''),
      cachePath: path.join(dir, 'supergraph.graphql'),
      pollMs: 100,
    },
    usage: { flushMs: 100_000 },
    logger: createLogger('gateway-test', 'silent'),
  });
  gateways.push(gateway);
  return gateway;
}

async function readiness(gateway: RunningGateway): Promise<{ supergraph: { id: string; source: string } }> {
  return (await fetch(gateway.url.replace('/graphql', '/ready'))).json() as Promise<{ supergraph: { id: string; source: string } }>;
}

beforeAll(async () => {
  registry = await startRegistryForTest();
  grievances = await startDeployableSubgraph(V1);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peacegraph-control-plane-'));
  await ok(registry.admin, `mutation ($input: RegisterSubgraphInput!) { registerSubgraph(input: $input) { name } }`, {
    input: { name: 'grievances', routingUrl: grievances.url, ownerOrganisationId: ORGS.educators },
  });
});
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.stop()));
  await grievances?.stop();
  await registry?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

test('a published change reaches a running gateway without a restart or a failed request; usage flows back', async () => {
  const first = await ok<{ publishSchema: { outcome: string; launch: { composition: { id: string } } } }>(registry.educators, PUBLISH, {
    input: { subgraph: 'grievances', sdl: V1 },
  });
  expect(first.publishSchema.outcome).toBe('LAUNCHED');
  const gateway = await gatewayFollowing(registry.base);
  expect((await readiness(gateway)).supergraph).toMatchObject({ id: first.publishSchema.launch.composition.id, source: 'registry' });
  const fieldApp = graphqlClient(gateway.url, { 'graphql-client-name': 'field-app', 'graphql-client-version': '1.2.0' });

  // Four callers keep reading while the partner deploys and publishes a new field.
  let loading = true;
  const answers: { ok: boolean }[] = [];
  const load = Promise.all(
    Array.from({ length: 4 }, async () => {
      while (loading) {
        const response = await fieldApp(READ_SUMMARY);
        answers.push({ ok: response.status === 200 && !response.errors && response.data?.grievance !== null });
      }
    }),
  );
  await grievances.deploy(V2);
  const second = await ok<{ publishSchema: { outcome: string; launch: { composition: { id: string } } } }>(registry.educators, PUBLISH, {
    input: { subgraph: 'grievances', sdl: V2, message: 'mediator notes' },
  });
  expect(second.publishSchema.outcome).toBe('LAUNCHED');
  const published = Date.now();
  await until(
    async () => (await readiness(gateway)).supergraph.id === second.publishSchema.launch.composition.id,
    'the gateway to serve the new composition',
  );
  const servedAfterMs = Date.now() - published;
  const notes = await ok<{ grievance: { notes: string } }>(fieldApp, '{ grievance(id: "g-1") { notes } }');
  loading = false;
  await load;
  expect(notes.grievance.notes).toBe('Mediated by the elders');
  expect(answers.length).toBeGreaterThan(20);
  expect(answers.filter((a) => !a.ok)).toEqual([]);
  expect(servedAfterMs).toBeLessThan(10_000);

  await gateway.usage!.flush();
  const { checkSchema } = await ok<{ checkSchema: { passed: boolean; findings: { kind: string; message: string }[] } }>(
    registry.educators,
    `mutation ($input: SchemaInput!) { checkSchema(input: $input) { passed findings { kind message } } }`,
    { input: { subgraph: 'grievances', sdl: WITHOUT_SUMMARY } },
  );
  expect(checkSchema.passed).toBe(false);
  const usage = checkSchema.findings.find((f) => f.kind === 'USAGE')!;
  expect(usage.message).toContain('GrievanceSummary');
  expect(usage.message).toContain('field-app 1.2.0');
});

test('a rollback is served by the gateway within seconds', async () => {
  const gateway = gateways[0]!;
  const { launches } = await ok<{ launches: { nodes: { composition: { id: string } }[] } }>(
    registry.admin,
    `{ launches { nodes { composition { id } } } }`,
  );
  const earliest = launches.nodes.at(-1)!.composition.id;
  await ok(registry.admin, `mutation ($id: ID!) { rollback(compositionId: $id, reason: "notes leak mediators' names") { id } }`, {
    id: earliest,
  });
  await until(async () => (await readiness(gateway)).supergraph.id === earliest, 'the gateway to serve the rolled-back composition');
  const notes = await graphqlClient(gateway.url)('{ grievance(id: "g-1") { notes } }');
  expect(notes.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect((await ok<{ grievance: { summary: string } }>(graphqlClient(gateway.url), READ_SUMMARY)).grievance.summary).toBe(
    'Dispute over a water point',
  );
});

test('with the registry down the gateway keeps serving, and a new one starts from its copy', async () => {
  const running = gateways[0]!;
  const live = (await readiness(running)).supergraph.id;
  await registry.running.stop();
  for (let i = 0; i < 10; i += 1) {
    expect((await ok<{ grievance: { id: string } }>(graphqlClient(running.url), READ_SUMMARY)).grievance.id).toBe('g-1');
  }
  const restarted = await gatewayFollowing(registry.base);
  expect((await readiness(restarted)).supergraph).toMatchObject({ id: live, source: 'cache' });
  expect((await ok<{ grievance: { summary: string } }>(graphqlClient(restarted.url), READ_SUMMARY)).grievance.summary).toBe(
    'Dispute over a water point',
  );
});
