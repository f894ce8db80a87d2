import net from 'node:net';
import path from 'node:path';
import { createAuthenticator, remoteIdentityStore } from '@peacegraph/kit/auth';
import { createLogger } from '@peacegraph/kit/server';
import { bearer, dataOf, graphqlClient, TEST_AUTH, type GraphQLResponse } from '@peacegraph/kit/testing';
import { startGateway, type RunningGateway } from '../gateway/src/gateway';
import { seedDemoData as seedDirectoryDemo } from '../subgraphs/directory/src/seed/demo';
import { startDirectory, type DirectoryUnderTest } from '../subgraphs/directory/test/support';
import { COMMUNITIES, startConflicts, type ConflictsUnderTest } from '../subgraphs/conflicts/test/support';
import { MEMBERSHIP } from '../subgraphs/conflicts/test/fixtures';
import { COMMUNITIES as MINING_COMMUNITIES, startMining, type MiningUnderTest } from '../subgraphs/mining/test/support';
import { ORGS, ROOT } from './support';

/**
 * A partner's outage costs only its own fields (issue 14, part 4). The directory and conflicts run;
 * mining runs, records a site, and is then stopped; curriculum, forums and displacement point at a
 * port nobody listens on. Every answer must keep the live subgraphs' data exactly, null the dead
 * ones' root fields with one SUBGRAPH_UNAVAILABLE each naming the service, and come back with HTTP
 * 200 — fast, since a refused connection is not a timeout.
 */

/** Connection refused answers at once; anything near the subgraph timeout would be a hang. */
const SUBGRAPH_TIMEOUT_MS = 3_000;
const FAST_MS = 2_000;

let directory: DirectoryUnderTest;
let conflicts: ConflictsUnderTest;
let mining: MiningUnderTest | undefined;
let gateway: RunningGateway;
let partner: ReturnType<typeof graphqlClient>;
let mlRegions: number;
let countryCodes: string[];

/** A port that was free a moment ago and that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  directory = await startDirectory();
  await seedDirectoryDemo(directory.db.dataSource);
  conflicts = await startConflicts(directory.url);
  mining = await startMining({ directory });
  const nowhere = `http://127.0.0.1:${await closedPort()}/graphql`;
  gateway = await startGateway({
    supergraphPath: path.join(ROOT, 'supergraph.graphql'),
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: {
      directory: directory.url,
      conflicts: conflicts.url,
      mining: mining.url,
      curriculum: nowhere,
      forums: nowhere,
      displacement: nowhere,
    },
    subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS,
    logger: createLogger('gateway-test', 'silent'),
    authenticate: await createAuthenticator(TEST_AUTH, remoteIdentityStore(directory.url, { apiKeyTtlMs: 0 })),
  });
  partner = graphqlClient(gateway.url, { authorization: await bearer(ORGS.mediators, 'directory:write conflicts:write mining:write') });

  // What the live subgraphs hold, read from their own databases, to compare answers with exactly.
  const [row] = (await directory.db.dataSource.query(
    `SELECT count(*)::int AS n FROM admin_area WHERE country_code = 'ML' AND level = 1`,
  )) as { n: number }[];
  mlRegions = row!.n;
  countryCodes = ((await directory.db.dataSource.query(`SELECT code FROM country ORDER BY name_en`)) as { code: string }[]).map(
    (c) => c.code,
  );

  await dataOf(
    partner(`mutation ($input: CreatePeaceCommissionInput!) { createPeaceCommission(input: $input) { id } }`, {
      input: { community: COMMUNITIES.dori, managementCommittee: 'CGC de Dori', establishedOn: '2024-01-15', membership: MEMBERSHIP },
    }),
  );
  await dataOf(
    partner(`mutation ($input: CreateMiningSiteInput!) { createMiningSite(input: $input) { id } }`, {
      input: { name: 'Kalana gold-panning area', community: MINING_COMMUNITIES.Kalana, kind: 'ARTISANAL', minerals: ['GOLD'] },
    }),
  );
});

afterAll(async () => {
  await gateway?.stop();
  await mining?.stop();
  await conflicts?.stop();
  await directory?.stop();
});

/** Sends the operation and measures how long the answer took. */
async function timed<D>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<D> & { ms: number }> {
  const started = performance.now();
  const response = await partner<D>(query, variables);
  return { ...response, ms: performance.now() - started };
}

/** The errors of a response as the client reads them: code and service, per service. */
const unavailable = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? [])
    .map((e) => ({ code: e.extensions?.code, serviceName: e.extensions?.serviceName }))
    .sort((a, b) => String(a.serviceName).localeCompare(String(b.serviceName)));

const ISSUE_QUERY = `{ adminAreas(country: "ML", level: 1) { totalCount } miningSites(first: 3) { totalCount } }`;

describe('with every subgraph of the query up', () => {
  it("answers the issue's query in full", async () => {
    const response = await timed(ISSUE_QUERY);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ adminAreas: { totalCount: mlRegions }, miningSites: { totalCount: 1 } });
  });
});

describe('with the mining subgraph stopped', () => {
  beforeAll(async () => {
    await mining!.stop();
    mining = undefined;
  });

  it("keeps the directory's answer to the issue's query, and nulls only miningSites (HTTP 200)", async () => {
    const response = await timed<{ adminAreas: { totalCount: number }; miningSites: null }>(ISSUE_QUERY);

    expect(response.status).toBe(200);
    expect(mlRegions).toBe(10);
    expect(response.data).toEqual({ adminAreas: { totalCount: 10 }, miningSites: null });
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]).toMatchObject({
      message: 'The mining service could not be reached',
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'mining' },
    });
    expect(JSON.stringify(response.errors)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|fetch failed/);
    expect(response.ms).toBeLessThan(FAST_MS);
  });

  it('keeps every live root field exactly and nulls every root field of four dead subgraphs, one error per service', async () => {
    const response = await timed<Record<string, unknown>>(`{
      countries { code }
      adminAreas(country: "ML", level: 1, first: 100) { totalCount edges { node { pcode } } }
      adminArea(pcode: "ML03") { pcode level }
      peaceCommissions { totalCount edges { node { managementCommittee members { total } } } }
      miningSites { totalCount }
      legalInstruments { totalCount }
      ecpfComponents { component }
      modules { totalCount }
      forums { totalCount }
      displacementReports { totalCount }
    }`);

    expect(response.status).toBe(200);
    const [regions] = (await directory.db.dataSource.query(
      `SELECT array_agg(pcode ORDER BY pcode) AS pcodes FROM admin_area WHERE country_code = 'ML' AND level = 1`,
    )) as { pcodes: string[] }[];
    expect(response.data).toEqual({
      countries: countryCodes.map((code) => ({ code })),
      adminAreas: { totalCount: 10, edges: regions!.pcodes.map((pcode) => ({ node: { pcode } })) },
      adminArea: { pcode: 'ML03', level: 1 },
      peaceCommissions: { totalCount: 1, edges: [{ node: { managementCommittee: 'CGC de Dori', members: { total: 12 } } }] },
      miningSites: null,
      legalInstruments: null,
      ecpfComponents: null,
      modules: null,
      forums: null,
      displacementReports: null,
    });
    expect(unavailable(response)).toEqual(
      ['curriculum', 'displacement', 'forums', 'mining'].map((serviceName) => ({ code: 'SUBGRAPH_UNAVAILABLE', serviceName })),
    );
    expect(response.ms).toBeLessThan(FAST_MS);
  });

  it("keeps a live subgraph's fields on a type the dead one extends", async () => {
    const response = await timed<{ community: Record<string, unknown> }>(
      `query ($id: ID!) { community(id: $id) { name peaceCommission { managementCommittee } } miningSites { totalCount } }`,
      { id: COMMUNITIES.dori },
    );
    expect(response.status).toBe(200);
    expect(response.data).toEqual({
      community: { name: 'Dori', peaceCommission: { managementCommittee: 'CGC de Dori' } },
      miningSites: null,
    });
    expect(unavailable(response)).toEqual([{ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'mining' }]);
  });

  it.each([
    ['before', (site: string, community: string) => `${site} ${community}`],
    ['after', (site: string, community: string) => `${community} ${site}`],
  ])('runs a live mutation %s a dead one, and writes it', async (_order, arrange) => {
    const name = `Téra ${_order}`;
    const before = await directory.rows('community');
    const response = await timed<{ createCommunity: { name: string; adminArea: { pcode: string } } | null; createMiningSite: null }>(
      `mutation ($community: CreateCommunityInput!, $site: CreateMiningSiteInput!) {
        ${arrange('createMiningSite(input: $site) { id }', 'createCommunity(input: $community) { name adminArea { pcode } }')}
      }`,
      {
        community: { name, adminArea: 'NE006011', languages: ['fra'] },
        site: { name: 'Kalana north pit', community: MINING_COMMUNITIES.Kalana, kind: 'ARTISANAL', minerals: ['GOLD'] },
      },
    );

    expect(response.status).toBe(200);
    expect(response.data).toEqual({ createMiningSite: null, createCommunity: { name, adminArea: { pcode: 'NE006011' } } });
    expect(unavailable(response)).toEqual([{ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'mining' }]);
    expect(await directory.rows('community')).toBe(before + 1);
    expect(response.ms).toBeLessThan(FAST_MS);
  });

  it('answers a query only the dead subgraph serves with data holding its null, not data: null', async () => {
    const response = await timed(`{ miningSites { totalCount } miningTrainings { totalCount } }`);
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ miningSites: null, miningTrainings: null });
    expect(unavailable(response)).toEqual([{ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'mining' }]);
  });
});
