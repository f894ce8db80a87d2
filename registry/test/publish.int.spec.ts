import { createHash } from 'node:crypto';
import { LATENCY_BUCKETS_MS, hourOf, type UsageEntry } from '@peacegraph/kit/usage';
import { bearer, ok } from '@peacegraph/kit/testing';
import { startDeployableSubgraph, type DeployableSubgraph } from './fixtures/deployable-subgraph';
import { ORGS, startRegistryForTest, type RegistryUnderTest } from './support';

/** A partner's subgraph as it grows: v1, then a field more, then a field fewer. */
const V1 = `
"A grievance raised at a community meeting."
type Grievance @key(fields: "id") @partner {
  "Its id."
  id: ID!
  "What it is about, in the words of the person who raised it."
  summary: String
}
type Query @public {
  "One grievance."
  grievance(id: ID!): Grievance
}
`;
const V2 = V1.replace('  summary: String\n', '  summary: String\n  "Notes of the mediator."\n  notes: String\n');
const WITHOUT_SUMMARY = V2.replace(/ {2}"What it is about[^\n]*\n {2}summary: String\n/, '');
const WITHOUT_NOTES = V1;

const PUBLISH = `mutation ($input: PublishInput!) { publishSchema(input: $input) {
  outcome reasons version { id state stateReason } launch { id reason composition { id } }
  check { id passed findings { kind severity code message line column coordinate } changes { criticality coordinate usedBy { name clientName count } } } } }`;
const CHECK = `mutation ($input: SchemaInput!) { checkSchema(input: $input) {
  id passed composed findings { kind severity code message subgraph line column coordinate }
  changes { criticality type coordinate usedBy { name clientName clientVersion organisationId count } approval { approvedBy } } } }`;

interface Published {
  publishSchema: {
    outcome: string;
    reasons: string[];
    version: { id: string; state: string; stateReason: string | null } | null;
    launch: { id: string; reason: string; composition: { id: string } } | null;
    check: { id: string; passed: boolean; findings: { kind: string; severity: string; code: string; message: string }[] };
  };
}
interface Checked {
  checkSchema: {
    id: string;
    passed: boolean;
    composed: boolean;
    findings: {
      kind: string;
      severity: string;
      code: string;
      message: string;
      subgraph: string | null;
      line: number | null;
      column: number | null;
      coordinate: string | null;
    }[];
    changes: {
      criticality: string;
      type: string;
      coordinate: string | null;
      usedBy: { name: string; clientName: string; clientVersion: string; organisationId: string; count: number }[];
      approval: { approvedBy: string } | null;
    }[];
  };
}

let registry: RegistryUnderTest;
let grievances: DeployableSubgraph;

beforeAll(async () => {
  registry = await startRegistryForTest();
  grievances = await startDeployableSubgraph(V1);
});
afterAll(async () => {
  await grievances?.stop();
  await registry?.stop();
});

async function supergraph(etag?: string) {
  return fetch(`${registry.base}/supergraph`, {
    headers: { authorization: registry.gatewayAuthorization, ...(etag ? { 'if-none-match': etag } : {}) },
  });
}

async function reportUsage(entries: Partial<UsageEntry>[], authorization = registry.gatewayAuthorization) {
  return fetch(`${registry.base}/usage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ gateway: 'gateway-test', compositionId: null, dropped: 0, operations: entries }),
  });
}

function entry(name: string, coordinates: string[], client: string, count: number): UsageEntry {
  const document = `query ${name} { grievance(id: "") { id } }`;
  const latency = LATENCY_BUCKETS_MS.map(() => 0).concat([0]);
  latency[1] = count;
  return {
    signature: createHash('sha256')
      .update(document + name)
      .digest('hex'),
    name,
    document,
    coordinates,
    clientName: client,
    clientVersion: '1.2.0',
    organisationId: ORGS.mediators,
    hour: hourOf(new Date()),
    count,
    errors: 0,
    totalMs: count * 8,
    latency,
  };
}

describe('registering and publishing', () => {
  test('only an admin registers a subgraph and names its owner', async () => {
    const register = `mutation ($input: RegisterSubgraphInput!) { registerSubgraph(input: $input) { name routingUrl ownerOrganisationId } }`;
    const input = { name: 'grievances', routingUrl: grievances.url, ownerOrganisationId: ORGS.educators };
    const refused = await registry.educators(register, { input });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await registry.rows('subgraph')).toBe(0);
    const done = await ok<{ registerSubgraph: { name: string; ownerOrganisationId: string } }>(registry.admin, register, { input });
    expect(done.registerSubgraph).toEqual({ name: 'grievances', routingUrl: grievances.url, ownerOrganisationId: ORGS.educators });
  });

  test('nothing is served before the first launch', async () => {
    const response = await supergraph();
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  test('the owner publishes what its subgraph serves: it launches and gateways get it with an ETag', async () => {
    const { publishSchema } = await ok<Published>(registry.educators, PUBLISH, {
      input: { subgraph: 'grievances', sdl: V1, message: 'first version' },
    });
    expect(publishSchema.outcome).toBe('LAUNCHED');
    expect(publishSchema.version?.state).toBe('LAUNCHED');
    expect(publishSchema.launch?.reason).toBe('PUBLISH');
    const response = await supergraph();
    expect(response.status).toBe(200);
    const etag = response.headers.get('etag')!;
    expect(etag).toBe(`"${publishSchema.launch!.composition.id}"`);
    expect(await response.text()).toContain('summary: String');
    expect((await supergraph(etag)).status).toBe(304);
  });

  test('publishing the live schema again changes nothing', async () => {
    const { publishSchema } = await ok<Published>(registry.educators, PUBLISH, { input: { subgraph: 'grievances', sdl: V1 } });
    expect(publishSchema.outcome).toBe('UNCHANGED');
    expect(await registry.rows('launch')).toBe(1);
  });

  test('another organisation may neither publish nor check it, and nothing changes', async () => {
    const before = await registry.rows('schema_version');
    const publish = await registry.mediators(PUBLISH, { input: { subgraph: 'grievances', sdl: V2 } });
    expect(publish.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const check = await registry.mediators(CHECK, { input: { subgraph: 'grievances', sdl: V2 } });
    expect(check.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await registry.mediators(PUBLISH, {
      input: { subgraph: 'somebody-else', sdl: V2, routingUrl: 'http://127.0.0.1:1/graphql' },
    });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await registry.rows('schema_version')).toBe(before);
    expect(await registry.rows('subgraph')).toBe(1);
  });

  test('a version published before its deployment waits, then launches once the subgraph serves it', async () => {
    const { publishSchema } = await ok<Published>(registry.educators, PUBLISH, {
      input: { subgraph: 'grievances', sdl: V2, message: 'mediator notes' },
    });
    expect(publishSchema.outcome).toBe('WAITING');
    expect(publishSchema.reasons[0]).toMatch(/serves another schema/);
    expect(await registry.running.verifyNow()).toBe(0);
    await grievances.deploy(V2);
    expect(await registry.running.verifyNow()).toBe(1);
    const version = await ok<{ schemaVersion: { state: string; launchedAt: string } }>(
      registry.admin,
      `query ($id: ID!) { schemaVersion(id: $id) { state launchedAt } }`,
      {
        id: publishSchema.version!.id,
      },
    );
    expect(version.schemaVersion.state).toBe('LAUNCHED');
    expect(await (await supergraph()).text()).toContain('notes: String');
    const launches = await ok<{ launches: { nodes: { reason: string; live: boolean }[] } }>(
      registry.admin,
      `{ launches { nodes { reason live } } }`,
    );
    expect(launches.launches.nodes.map((l) => l.reason)).toEqual(['DEPLOYED', 'PUBLISH']);
    expect(launches.launches.nodes.map((l) => l.live)).toEqual([true, false]);
  });
});

describe('checks against usage', () => {
  test('usage is refused without the usage scope, and a forged report stores nothing', async () => {
    expect((await reportUsage([entry('Grievance', ['Query.grievance'], 'x', 1)], '')).status).toBe(401);
    const noScope = await bearer(ORGS.mediators, 'conflicts:read');
    expect((await reportUsage([entry('Grievance', ['Query.grievance'], 'x', 1)], noScope)).status).toBe(403);
    const forged = [
      { ...entry('A', ['Query.grievance'], 'x', 1), signature: 'not-a-signature' },
      { ...entry('B', ['Query.grievance'], 'x', 2), errors: 5 },
      { ...entry('C', ['Query.grievance'], 'x', 1), hour: '2020-01-01T00:00:00.000Z' },
      { ...entry('D', ['Query.grievance'], 'x', 3), latency: [3] },
      { ...entry('E', ["Query.grievance'; DROP TABLE operation; --"], 'x', 1) },
      { ...entry('F', ['Query.grievance'], 'x', 1), hour: new Date().toISOString().replace(/:\d\d\.\d+Z$/, ':17.000Z') },
      { ...entry('G', ['Query.grievance'], 'x', 0) },
    ];
    for (const bad of forged) {
      const response = await reportUsage([entry('Good', ['Query.grievance'], 'x', 1), bad]);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; problems: string[] } };
      expect(body.error.code).toBe('BAD_USER_INPUT');
      expect(body.error.problems[0]).toMatch(/^operations\[1\]\./);
    }
    expect(await registry.rows('operation')).toBe(0);
    expect(await registry.rows('usage_hour')).toBe(0);
  });

  test("a gateway's report is added up per operation, client and hour", async () => {
    const reading = entry('GrievanceSummary', ['Grievance.id', 'Grievance.summary', 'Query.grievance'], 'field-app', 40);
    expect((await reportUsage([reading])).status).toBe(202);
    expect((await reportUsage([reading, entry('GrievanceId', ['Grievance.id', 'Query.grievance'], 'dashboard', 5)])).status).toBe(202);
    const usage = await ok<{ fieldUsage: { coordinate: string; count: number; operations: number }[] }>(
      registry.admin,
      `{ fieldUsage(coordinates: ["Grievance.summary", "Grievance.notes", "Query.grievance"]) { coordinate count operations } }`,
    );
    expect(usage.fieldUsage).toEqual([
      { coordinate: 'Grievance.notes', count: 0, operations: 0 },
      { coordinate: 'Grievance.summary', count: 80, operations: 1 },
      { coordinate: 'Query.grievance', count: 85, operations: 2 },
    ]);
    const operations = await ok<{ operations: { name: string; clientName: string; count: number; p50Ms: number }[] }>(
      registry.admin,
      `{ operations { name clientName count p50Ms } }`,
    );
    expect(operations.operations).toEqual([
      { name: 'GrievanceSummary', clientName: 'field-app', count: 80, p50Ms: 10 },
      { name: 'GrievanceId', clientName: 'dashboard', count: 5, p50Ms: 10 },
    ]);
  });

  test('removing a field a client used fails, naming the operation, the client and the count', async () => {
    const { checkSchema } = await ok<Checked>(registry.educators, CHECK, { input: { subgraph: 'grievances', sdl: WITHOUT_SUMMARY } });
    expect(checkSchema.passed).toBe(false);
    expect(checkSchema.composed).toBe(true);
    const usage = checkSchema.findings.filter((f) => f.kind === 'USAGE');
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ severity: 'ERROR', code: 'BREAKING_CHANGE_IN_USE', coordinate: 'Grievance.summary' });
    expect(usage[0]!.message).toContain('GrievanceSummary');
    expect(usage[0]!.message).toContain('field-app 1.2.0');
    expect(usage[0]!.message).toContain('80');
    const removed = checkSchema.changes.find((c) => c.coordinate === 'Grievance.summary')!;
    expect(removed.criticality).toBe('BREAKING');
    expect(removed.usedBy).toEqual([
      { name: 'GrievanceSummary', clientName: 'field-app', clientVersion: '1.2.0', organisationId: ORGS.mediators, count: 80 },
    ]);
  });

  test('removing a field nobody used passes as safe, saying so', async () => {
    const { checkSchema } = await ok<Checked>(registry.educators, CHECK, { input: { subgraph: 'grievances', sdl: WITHOUT_NOTES } });
    expect(checkSchema.passed).toBe(true);
    const removal = checkSchema.findings.find((f) => f.coordinate === 'Grievance.notes')!;
    expect(removal).toMatchObject({ kind: 'CHANGE', severity: 'INFO' });
    expect(removal.message).toMatch(/unused in the last 30 days/);
  });

  test('a publish refused for a change in use launches once an admin approves it, and the approval sticks', async () => {
    await grievances.deploy(WITHOUT_SUMMARY);
    const { publishSchema } = await ok<Published>(registry.educators, PUBLISH, { input: { subgraph: 'grievances', sdl: WITHOUT_SUMMARY } });
    expect(publishSchema.outcome).toBe('REFUSED');
    expect(publishSchema.version?.state).toBe('REFUSED');
    expect(publishSchema.reasons.join()).toContain('field-app');
    expect(await (await supergraph()).text()).toContain('summary: String');

    const refused = await registry.educators(`mutation ($id: ID!) { approveCheck(id: $id) { id } }`, { id: publishSchema.check.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await ok(registry.admin, `mutation ($id: ID!) { approveCheck(id: $id, reason: "the field app moves to notes in 1.3") { id } }`, {
      id: publishSchema.check.id,
    });
    const launches = await ok<{ launches: { nodes: { reason: string; actor: string }[] } }>(
      registry.admin,
      `{ launches(first: 1) { nodes { reason actor } } }`,
    );
    expect(launches.launches.nodes[0]).toEqual({ reason: 'APPROVAL', actor: 'platform-admin' });
    expect(await (await supergraph()).text()).not.toContain('summary: String');

    const again = await ok<Checked>(registry.educators, CHECK, { input: { subgraph: 'grievances', sdl: WITHOUT_SUMMARY } });
    expect(again.checkSchema.passed).toBe(true);
  });
});

describe('history and rollback', () => {
  test('a rollback makes an earlier composition live again as a new launch', async () => {
    const { launches } = await ok<{ launches: { nodes: { id: string; reason: string; composition: { id: string } }[] } }>(
      registry.admin,
      `{ launches { nodes { id reason composition { id } } } }`,
    );
    const first = launches.nodes.at(-1)!;
    const rollback = `mutation ($id: ID!, $reason: String!) { rollback(compositionId: $id, reason: $reason) { reason live composition { id live } } }`;
    expect((await registry.educators(rollback, { id: first.composition.id, reason: 'x' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await registry.admin(rollback, { id: '00000000-0000-4000-8000-00000000dead', reason: 'x' })).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect((await registry.admin(rollback, { id: 'not-an-id', reason: 'x' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const before = await registry.rows('launch');
    const done = await ok<{ rollback: { reason: string; live: boolean; composition: { id: string; live: boolean } } }>(
      registry.admin,
      rollback,
      {
        id: first.composition.id,
        reason: 'the field app 1.2 still reads summary',
      },
    );
    expect(done.rollback).toEqual({ reason: 'ROLLBACK', live: true, composition: { id: first.composition.id, live: true } });
    expect(await registry.rows('launch')).toBe(before + 1);
    const served = await supergraph();
    expect(served.headers.get('x-composition-id')).toBe(first.composition.id);
    expect((await registry.admin(rollback, { id: first.composition.id, reason: 'again' })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  test('the diff between two compositions is a changelog with both SDLs', async () => {
    const { launches } = await ok<{ launches: { nodes: { composition: { id: string } }[] } }>(
      registry.admin,
      `{ launches { nodes { composition { id } } } }`,
    );
    const ids = launches.nodes.map((l) => l.composition.id);
    const diff = await ok<{
      diff: { changes: { criticality: string; coordinate: string; message: string }[]; fromSdl: string; toSdl: string };
    }>(
      registry.educators,
      `query ($from: ID!, $to: ID!) { diff(from: $from, to: $to) { changes { criticality coordinate message } fromSdl toSdl } }`,
      { from: ids.at(-1), to: ids.at(-2) },
    );
    expect(diff.diff.changes).toEqual([expect.objectContaining({ criticality: 'SAFE', coordinate: 'Grievance.notes' })]);
    expect(diff.diff.toSdl).toContain('notes');
    expect(diff.diff.fromSdl).not.toContain('notes');
  });

  test('every action is in the audit log with who did it', async () => {
    const log = await ok<{ registryAuditLog: { nodes: { actor: string; action: string; target: string; ip: string }[] } }>(
      registry.admin,
      `{ registryAuditLog(first: 100) { nodes { actor action target ip } } }`,
    );
    const actions = log.registryAuditLog.nodes.map((n) => `${n.actor} ${n.action}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'platform-admin subgraph.register',
        'educator-1 schema.publish',
        'registry schema.deployed',
        'platform-admin schema.approve',
        'platform-admin composition.rollback',
      ]),
    );
    expect(log.registryAuditLog.nodes.find((n) => n.action === 'schema.publish')!.ip).toMatch(/127\.0\.0\.1/);
    const own = await ok<{ registryAuditLog: { nodes: { actor: string }[] } }>(
      registry.educators,
      `{ registryAuditLog(first: 100) { nodes { actor } } }`,
    );
    expect(new Set(own.registryAuditLog.nodes.map((n) => n.actor))).toEqual(new Set(['educator-1']));
  });
});
