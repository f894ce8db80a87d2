import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LATENCY_BUCKETS_MS, hourOf, type UsageEntry } from '@peacegraph/kit/usage';
import { graphqlClient, ok } from '@peacegraph/kit/testing';
import { startDeployableSubgraph, type DeployableSubgraph } from './fixtures/deployable-subgraph';
import { ORGS, startRegistryForTest, type RegistryUnderTest } from './support';

/**
 * What the web console reads: who is calling, the traffic of the last hours in all, per hour and per
 * subgraph, each subgraph's health, and every field of the API schema with its class and use.
 */
const GRIEVANCES = `
"Something raised at a community meeting."
interface Raised {
  "When it was raised."
  raisedOn: String @partner
}
"A grievance raised at a community meeting."
type Grievance implements Raised @key(fields: "id") @partner {
  "Its id."
  id: ID!
  "What it is about."
  summary: String
  "Who raised it."
  raisedBy: String @sensitive
  "When it was raised."
  raisedOn: String
}
type Query @public {
  "One grievance."
  grievance(id: ID!): Grievance
}
`;
const MEETINGS = `
"A mediation meeting."
type Meeting @key(fields: "id") @public {
  "Its id."
  id: ID!
  "Where it takes place."
  place: String
  "The room, before places had names."
  room: String @deprecated(reason: "use place")
  "The grievance it mediates."
  grievance: Grievance
  "Where it is held."
  venue: Venue
}
"A place meetings are held at."
type Venue {
  "Its name."
  name: String
}
"A grievance, as meetings refer to it."
type Grievance @key(fields: "id", resolvable: false) @partner {
  "Its id."
  id: ID!
}
type Query @public {
  "Meetings of a community."
  meetings(community: ID!): [Meeting!]
}
`;
const VISITS = `
"A field visit."
type Visit @key(fields: "id") @partner {
  "Its id."
  id: ID!
}
type Query @public {
  "One visit."
  visit(id: ID!): Visit
}
`;

const HOUR = 3_600_000;
const hoursAgo = (n: number) => hourOf(new Date(Date.now() - n * HOUR));

/** An operation as the gateway reports it: `latency` gives the count of each histogram bucket used. */
function entry(
  name: string,
  coordinates: string[],
  organisationId: string,
  hour: string,
  errors: number,
  latency: Record<number, number>,
): UsageEntry {
  const document = `query ${name} { x }`;
  const histogram = [...LATENCY_BUCKETS_MS.map(() => 0), 0];
  for (const [bucket, n] of Object.entries(latency)) histogram[Number(bucket)] = n;
  const count = histogram.reduce((a, b) => a + b, 0);
  return {
    signature: createHash('sha256').update(document).digest('hex'),
    name,
    document,
    coordinates: [...coordinates].sort(),
    clientName: organisationId === ORGS.mediators ? 'field-app' : 'dashboard',
    clientVersion: '2.0.0',
    organisationId,
    hour,
    count,
    errors,
    totalMs: count * 10,
    latency: histogram,
  };
}

// Buckets: 0 ≤5 ms, 1 ≤10, 2 ≤25, 4 ≤100, 6 ≤500.
const A = entry('GrievanceSummary', ['Grievance.summary', 'Query.grievance'], ORGS.mediators, hoursAgo(0), 1, { 0: 9, 6: 1 });
const B = entry('MeetingPlaces', ['Meeting.place', 'Query.meetings'], ORGS.educators, hoursAgo(1), 0, { 1: 20 });
const C = entry(
  'MeetingGrievances',
  ['Grievance.id', 'Grievance.summary', 'Meeting.grievance', 'Query.meetings'],
  ORGS.mediators,
  hoursAgo(3),
  2,
  { 4: 4 },
);
const D = { ...A, hour: hoursAgo(30), errors: 0, count: 6, latency: A.latency.map((_, i) => (i === 2 ? 6 : 0)) };
const E = { ...B, hour: hoursAgo(60), errors: 3, count: 3, latency: B.latency.map((_, i) => (i === 6 ? 3 : 0)) };

const SUMMARY = `query ($hours: Int) { usageSummary(hours: $hours) {
  hours requests errors p95Ms series { hour requests errors } subgraphs { subgraph requests errors p95Ms } } }`;
interface Summary {
  usageSummary: {
    hours: number;
    requests: number;
    errors: number;
    p95Ms: number | null;
    series: { hour: string; requests: number; errors: number }[];
    subgraphs: { subgraph: string; requests: number; errors: number; p95Ms: number | null }[];
  };
}
interface Field {
  coordinate: string;
  type: string;
  description: string | null;
  dataClass: string | null;
  subgraphs: string[];
  deprecationReason: string | null;
  count: number;
  operations: number;
}
const FIELDS = `query ($id: ID, $days: Int) { schemaFields(compositionId: $id, days: $days) {
  coordinate type description dataClass subgraphs deprecationReason count operations } }`;

let registry: RegistryUnderTest;
let grievances: DeployableSubgraph;
let meetings: DeployableSubgraph;
let visits: DeployableSubgraph | undefined;
let silent: http.Server;

beforeAll(async () => {
  registry = await startRegistryForTest();
  [grievances, meetings] = await Promise.all([startDeployableSubgraph(GRIEVANCES), startDeployableSubgraph(MEETINGS)]);
  // A subgraph that takes connections and never answers.
  silent = http.createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  // Venue has no data class: the rule warns instead of failing, so the field shows without one.
  await ok(registry.admin, `mutation { setPolicyRule(rule: DATA_CLASS, level: WARNING) { level } }`);
  const register = `mutation ($input: RegisterSubgraphInput!) { registerSubgraph(input: $input) { name } }`;
  const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
  for (const [name, routingUrl, owner] of [
    ['grievances', grievances.url, ORGS.educators],
    ['meetings', meetings.url, ORGS.mediators],
    ['offline', 'http://127.0.0.1:1/graphql', ORGS.educators],
    ['silent', silentUrl, ORGS.educators],
  ] as const) {
    await ok(registry.admin, register, { input: { name, routingUrl, ownerOrganisationId: owner } });
  }
  const publish = `mutation ($input: PublishInput!) { publishSchema(input: $input) { outcome reasons } }`;
  for (const [client, subgraph, sdl] of [
    [registry.educators, 'grievances', GRIEVANCES],
    [registry.mediators, 'meetings', MEETINGS],
  ] as const) {
    const { publishSchema } = await ok<{ publishSchema: { outcome: string; reasons: string[] } }>(client, publish, {
      input: { subgraph, sdl },
    });
    expect(publishSchema).toEqual({ outcome: 'LAUNCHED', reasons: [] });
  }
  for (const report of [[A, B], [C, D], [E]]) {
    const response = await fetch(`${registry.base}/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: registry.gatewayAuthorization },
      body: JSON.stringify({ gateway: 'gateway-test', compositionId: null, dropped: 0, operations: report }),
    });
    expect(response.status).toBe(202);
  }
});
afterAll(async () => {
  silent?.closeAllConnections();
  await new Promise((resolve) => silent?.close(resolve));
  await Promise.all([grievances?.stop(), meetings?.stop(), visits?.stop()]);
  await registry?.stop();
});

describe('me', () => {
  test('an admin, a partner and an API key are told who they are', async () => {
    const me = `{ me { subject organisationId admin scopes } }`;
    expect((await ok(registry.admin, me)).me).toEqual({
      subject: 'platform-admin',
      organisationId: ORGS.platform,
      admin: true,
      scopes: ['admin'],
    });
    expect((await ok(registry.mediators, me)).me).toEqual({
      subject: 'mediator-1',
      organisationId: ORGS.mediators,
      admin: false,
      scopes: ['conflicts:write'],
    });
    const issued = await ok<{ createApiKey: { key: string; apiKey: { prefix: string } } }>(
      await registry.directory.as(ORGS.platform, 'admin'),
      `mutation ($org: ID!) { createApiKey(input: { organisation: $org, name: "console sync", scope: "conflicts:read" }) { key apiKey { prefix } } }`,
      { org: ORGS.educators },
    );
    const keyed = graphqlClient(registry.running.url, { authorization: `Bearer ${issued.createApiKey.key}` });
    expect((await ok(keyed, me)).me).toEqual({
      subject: `api-key:${issued.createApiKey.apiKey.prefix}`,
      organisationId: ORGS.educators,
      admin: false,
      scopes: ['conflicts:read'],
    });
  });

  test('an anonymous caller is refused', async () => {
    const response = await graphqlClient(registry.running.url)(`{ me { subject } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('usageSummary', () => {
  test('an admin sees every organisation: totals, every hour and each subgraph, as added up by hand', async () => {
    const { usageSummary } = await ok<Summary>(registry.admin, SUMMARY, { hours: 24 });
    // A + B + C: 10 + 20 + 4 requests; buckets ≤5: 9, ≤10: 20, ≤100: 4, ≤500: 1 → the 95th of 34 is ≤100.
    expect(usageSummary).toMatchObject({ hours: 24, requests: 34, errors: 3, p95Ms: 100 });
    expect(usageSummary.series).toHaveLength(24);
    expect(usageSummary.series[0]!.hour).toBe(hoursAgo(23));
    expect(usageSummary.series[23]!.hour).toBe(hoursAgo(0));
    const at = (hour: string) => usageSummary.series.find((p) => p.hour === hour);
    expect(at(hoursAgo(0))).toEqual({ hour: hoursAgo(0), requests: 10, errors: 1 });
    expect(at(hoursAgo(1))).toEqual({ hour: hoursAgo(1), requests: 20, errors: 0 });
    expect(at(hoursAgo(3))).toEqual({ hour: hoursAgo(3), requests: 4, errors: 2 });
    expect(usageSummary.series.filter((p) => p.requests === 0)).toHaveLength(21);
    expect(usageSummary.series.reduce((sum, p) => sum + p.requests, 0)).toBe(34);
    // grievances: A + C (C reads Grievance.summary); meetings: B + C. A subgraph without traffic has zeros.
    expect(usageSummary.subgraphs).toEqual([
      { subgraph: 'grievances', requests: 14, errors: 3, p95Ms: 500 },
      { subgraph: 'meetings', requests: 24, errors: 2, p95Ms: 100 },
    ]);
  });

  test('a partner sees only its own organisation’s traffic', async () => {
    const mediators = (await ok<Summary>(registry.mediators, SUMMARY, { hours: 24 })).usageSummary;
    expect(mediators).toMatchObject({ requests: 14, errors: 3, p95Ms: 500 });
    expect(mediators.series.find((p) => p.hour === hoursAgo(1))).toEqual({ hour: hoursAgo(1), requests: 0, errors: 0 });
    expect(mediators.subgraphs).toEqual([
      { subgraph: 'grievances', requests: 14, errors: 3, p95Ms: 500 },
      { subgraph: 'meetings', requests: 4, errors: 2, p95Ms: 100 },
    ]);
    const educators = (await ok<Summary>(registry.educators, SUMMARY, {})).usageSummary;
    expect(educators).toMatchObject({ hours: 24, requests: 20, errors: 0, p95Ms: 10 });
    expect(educators.subgraphs).toEqual([
      { subgraph: 'grievances', requests: 0, errors: 0, p95Ms: null },
      { subgraph: 'meetings', requests: 20, errors: 0, p95Ms: 10 },
    ]);
  });

  test('48 hours read the hourly rows, 72 the daily ones; the series stays hourly', async () => {
    const two = (await ok<Summary>(registry.admin, SUMMARY, { hours: 48 })).usageSummary;
    // + D, 30 hours ago: 6 requests ≤25 ms.
    expect(two).toMatchObject({ hours: 48, requests: 40, errors: 3, p95Ms: 100 });
    expect(two.series).toHaveLength(48);
    expect(two.series.find((p) => p.hour === hoursAgo(30))).toEqual({ hour: hoursAgo(30), requests: 6, errors: 0 });
    const three = (await ok<Summary>(registry.admin, SUMMARY, { hours: 72 })).usageSummary;
    // + E, 60 hours ago: 3 requests, all failed, ≤500 ms.
    expect(three).toMatchObject({ hours: 72, requests: 43, errors: 6, p95Ms: 500 });
    expect(three.series).toHaveLength(72);
    expect(three.series.reduce((sum, p) => sum + p.requests, 0)).toBe(43);
    expect(three.subgraphs).toEqual([
      { subgraph: 'grievances', requests: 20, errors: 3, p95Ms: 100 },
      { subgraph: 'meetings', requests: 27, errors: 5, p95Ms: 500 },
    ]);
  });

  test('a window with no traffic is zeros, one point per hour', async () => {
    const { usageSummary } = await ok<Summary>(registry.admin, SUMMARY, { hours: 2160 });
    expect(usageSummary.series).toHaveLength(2160);
    const quiet = (await ok<Summary>(await registry.as(ORGS.platform, 'directory:read'), SUMMARY, { hours: 5 })).usageSummary;
    expect(quiet).toMatchObject({ requests: 0, errors: 0, p95Ms: null });
    expect(quiet.series.map((p) => p.requests)).toEqual([0, 0, 0, 0, 0]);
  });

  test('its statements do not grow with the operations or the subgraphs', async () => {
    await ok(registry.admin, SUMMARY, { hours: 24 });
    const statements = async (hours: number) => {
      registry.db.statements.reset();
      await ok(registry.admin, SUMMARY, { hours });
      return registry.db.statements.count;
    };
    // The live launch, the operations' totals, the hourly points; the composition's fields are cached.
    expect(await statements(24)).toBe(3);
    expect(await statements(72)).toBe(3);
    const many = Array.from({ length: 30 }, (_, i) =>
      entry(`Extra${i}`, i % 2 ? ['Query.grievance'] : ['Query.meetings'], ORGS.platform, hoursAgo(2), 0, { 0: 1 }),
    );
    const response = await fetch(`${registry.base}/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: registry.gatewayAuthorization },
      body: JSON.stringify({ gateway: 'gateway-test', compositionId: null, dropped: 0, operations: many }),
    });
    expect(response.status).toBe(202);
    expect(await statements(24)).toBe(3);
    const { usageSummary } = await ok<Summary>(registry.admin, SUMMARY, { hours: 24 });
    expect(usageSummary.requests).toBe(64);

    // One subgraph more: its fields are read once, for the new composition, and never again.
    visits = await startDeployableSubgraph(VISITS);
    await ok(registry.admin, `mutation ($url: String!) { registerSubgraph(input: { name: "visits", routingUrl: $url }) { name } }`, {
      url: visits.url,
    });
    await ok(registry.admin, `mutation ($sdl: String!) { publishSchema(input: { subgraph: "visits", sdl: $sdl }) { outcome } }`, {
      sdl: VISITS,
    });
    expect(await statements(24)).toBe(5);
    expect(await statements(24)).toBe(3);
    const three = (await ok<Summary>(registry.admin, SUMMARY, { hours: 24 })).usageSummary;
    expect(three.subgraphs.map((s) => [s.subgraph, s.requests])).toEqual([
      ['grievances', 29],
      ['meetings', 39],
      ['visits', 0],
    ]);
  });
});

describe('operations', () => {
  test("a partner lists its own organisation's operations only; an admin everyone's", async () => {
    const query = `{ operations(days: 30) { name organisationId count } }`;
    type Ops = { operations: { name: string; organisationId: string | null; count: number }[] };
    const all = (await ok<Ops>(registry.admin, query)).operations;
    expect(new Set(all.map((o) => o.organisationId)).size).toBeGreaterThan(1);
    const own = (await ok<Ops>(registry.educators, query)).operations;
    expect(own.length).toBeGreaterThan(0);
    expect(own).toEqual(all.filter((o) => o.organisationId === ORGS.educators));
  });

  test('each operation lists the coordinates it selected and its hourly points, in one statement each', async () => {
    const query = `{ operations(days: 30) { name organisationId count coordinates series(hours: 4) { hour requests errors } } }`;
    registry.db.statements.reset();
    const { operations } = await ok<{
      operations: {
        name: string;
        organisationId: string;
        count: number;
        coordinates: string[];
        series: { hour: string; requests: number; errors: number }[];
      }[];
    }>(registry.admin, query);
    expect(registry.db.statements.count).toBe(3);
    const summary = operations.find((o) => o.name === 'GrievanceSummary')!;
    expect(summary).toMatchObject({ organisationId: ORGS.mediators, count: 16, coordinates: ['Grievance.summary', 'Query.grievance'] });
    expect(summary.series).toEqual([3, 2, 1, 0].map((n) => ({ hour: hoursAgo(n), requests: n === 0 ? 10 : 0, errors: n === 0 ? 1 : 0 })));
    const grievances = operations.find((o) => o.name === 'MeetingGrievances')!;
    expect(grievances.coordinates).toEqual(['Grievance.id', 'Grievance.summary', 'Meeting.grievance', 'Query.meetings']);
    expect(grievances.series.map((p) => p.requests)).toEqual([4, 0, 0, 0]);
  });
});

describe('subgraphs', () => {
  test('health: UP for a subgraph that serves, DOWN for one unreachable or silent, within the timeout', async () => {
    const query = `{ subgraphs { name lastPublishedAt latestVersion { createdAt } health { status checkedAt latencyMs detail } } }`;
    const started = Date.now();
    const { subgraphs } = await ok<{
      subgraphs: {
        name: string;
        lastPublishedAt: string | null;
        latestVersion: { createdAt: string } | null;
        health: { status: string; checkedAt: string; latencyMs: number | null; detail: string | null };
      }[];
    }>(registry.admin, query);
    expect(Date.now() - started).toBeLessThan(3500);
    const byName = Object.fromEntries(subgraphs.map((s) => [s.name, s]));
    expect(byName.grievances!.health).toMatchObject({ status: 'UP', detail: null });
    expect(byName.grievances!.health.latencyMs).toBeGreaterThanOrEqual(0);
    expect(byName.meetings!.health.status).toBe('UP');
    expect(byName.offline!.health).toMatchObject({ status: 'DOWN', latencyMs: null, detail: 'http://127.0.0.1:1/ready: not reachable' });
    expect(byName.silent!.health).toMatchObject({ status: 'DOWN', latencyMs: null });
    expect(byName.silent!.health.detail).toMatch(/no answer within 2000 ms$/);
    expect(byName.grievances!.lastPublishedAt).toBe(byName.grievances!.latestVersion!.createdAt);
    expect(byName.offline!.lastPublishedAt).toBeNull();
  });

  test('a subgraph is asked at most once every 5 seconds, whoever asks', async () => {
    const query = `{ subgraph(name: "meetings") { health { status checkedAt } } }`;
    const before = meetings.readyProbes();
    const first = await ok<{ subgraph: { health: { checkedAt: string } } }>(registry.admin, query);
    const second = await ok<{ subgraph: { health: { checkedAt: string } } }>(registry.educators, query);
    expect(second.subgraph.health.checkedAt).toBe(first.subgraph.health.checkedAt);
    expect(meetings.readyProbes() - before).toBeLessThanOrEqual(1);
  });
});

describe('schemaFields', () => {
  let fields: Field[];
  beforeAll(async () => {
    fields = (await ok<{ schemaFields: Field[] }>(registry.educators, FIELDS, {})).schemaFields;
  });
  const field = (coordinate: string) => fields.find((f) => f.coordinate === coordinate);

  test('every field of the API schema, sorted, without federation machinery', () => {
    const coordinates = fields.map((f) => f.coordinate);
    expect(coordinates).toEqual([...coordinates].sort());
    expect(coordinates).toEqual(
      expect.arrayContaining([
        'Grievance.id',
        'Grievance.raisedBy',
        'Meeting.venue',
        'Query.grievance',
        'Query.meetings',
        'Raised.raisedOn',
        'Venue.name',
      ]),
    );
    expect(coordinates.filter((c) => /^(_|join__|link__)|\._(service|entities)$/.test(c))).toEqual([]);
  });

  test('data classes from the field, else its type; the subgraphs that resolve each field', () => {
    expect(field('Grievance.summary')).toMatchObject({ type: 'String', dataClass: 'PARTNER', subgraphs: ['grievances'] });
    // The API schema's description: the field's own words, then the class composition wrote after them.
    expect(field('Grievance.raisedBy')).toMatchObject({
      dataClass: 'SENSITIVE',
      description: expect.stringMatching(/^Who raised it\.\n\nData class SENSITIVE: /),
    });
    expect(field('Grievance.id')).toMatchObject({ type: 'ID!', dataClass: 'PARTNER', subgraphs: ['grievances', 'meetings'] });
    expect(field('Raised.raisedOn')).toMatchObject({ dataClass: 'PARTNER', subgraphs: ['grievances'] });
    expect(field('Query.meetings')).toMatchObject({ type: '[Meeting!]', dataClass: 'PUBLIC', subgraphs: ['meetings'] });
    expect(field('Meeting.venue')).toMatchObject({ dataClass: 'PUBLIC' });
    expect(field('Venue.name')).toMatchObject({ dataClass: null, subgraphs: ['meetings'] });
    expect(field('Meeting.room')).toMatchObject({
      deprecationReason: 'use place',
      description: expect.stringMatching(/^The room, before places had names\.\n\nData class PUBLIC: /),
    });
    expect(field('Meeting.place')!.deprecationReason).toBeNull();
  });

  test('counts are those fieldUsage gives', async () => {
    // Grievance.summary: A (10) and D (6) of GrievanceSummary, C (4) of MeetingGrievances.
    expect(field('Grievance.summary')).toMatchObject({ count: 20, operations: 2 });
    expect(field('Grievance.raisedBy')).toMatchObject({ count: 0, operations: 0 });
    const coordinates = ['Grievance.summary', 'Query.meetings', 'Meeting.place', 'Venue.name'];
    const { fieldUsage } = await ok<{ fieldUsage: { coordinate: string; count: number; operations: number }[] }>(
      registry.admin,
      `query ($c: [String!]!) { fieldUsage(coordinates: $c) { coordinate count operations } }`,
      { c: coordinates },
    );
    for (const usage of fieldUsage) expect(field(usage.coordinate)).toMatchObject({ count: usage.count, operations: usage.operations });
    expect(fieldUsage.find((u) => u.coordinate === 'Query.meetings')!.count).toBe(42);
  });

  test('of an earlier composition by id, and a one-day window', async () => {
    const { launches } = await ok<{ launches: { nodes: { composition: { id: string } }[] } }>(
      registry.admin,
      `{ launches { nodes { composition { id } } } }`,
    );
    const first = launches.nodes.at(-1)!.composition.id;
    const earlier = (await ok<{ schemaFields: Field[] }>(registry.admin, FIELDS, { id: first, days: 1 })).schemaFields;
    expect(earlier.some((f) => f.coordinate.startsWith('Meeting.'))).toBe(false);
    expect(earlier.find((f) => f.coordinate === 'Grievance.id')!.subgraphs).toEqual(['grievances']);
    const unknown = await registry.admin(FIELDS, { id: '00000000-0000-4000-8000-00000000dead' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('bad windows are refused plainly', () => {
  test.each([0, -1, 100000])('hours %j', async (hours) => {
    const { errors } = await registry.admin(SUMMARY, { hours });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hours' });
    expect(errors?.[0]?.message).toBe('hours is a whole number from 1 to 2160 (the 90 days usage is kept)');
    const series = await registry.admin(`query ($hours: Int) { operations { series(hours: $hours) { requests } } }`, { hours });
    expect(series.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hours' });
  });

  test.each([169, 2160])("an operation's series of %j hours (a week at most)", async (hours) => {
    const series = await registry.admin(`query ($hours: Int) { operations { series(hours: $hours) { requests } } }`, { hours });
    expect(series.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hours' });
    expect(series.errors?.[0]?.message).toBe("hours is a whole number from 1 to 168 for an operation's series");
  });

  test.each([0, -1, 100000])('days %j', async (days) => {
    const { errors } = await registry.admin(FIELDS, { days });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
    expect(errors?.[0]?.message).toBe('days is a whole number from 1 to 366');
  });

  test('a composition id that is no id', async () => {
    const { errors } = await registry.admin(FIELDS, { id: "1' OR '1'='1" });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'compositionId' });
  });
});
