import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSupergraphConfig } from '@peacegraph/kit/composition';
import { bearer, ok } from '@peacegraph/kit/testing';
import { publishLocalSchema } from '../../scripts/platform/registry';
import { GRIEVANCES_V1, startDeployableSubgraph, type DeployableSubgraph } from './fixtures/deployable-subgraph';
import { ORGS, startRegistryForTest, type RegistryUnderTest } from './support';

/**
 * A field removed from a subgraph's schema.graphql, published as npm start publishes it (the admin's
 * token, the routing URL, after the subgraph serves the new schema): the registry launches it, and
 * `/supergraph` serves the new composition under a new ETag, also to a gateway holding the old one.
 */
const FORUMS = fs.readFileSync(path.join(__dirname, '../../subgraphs/forums/schema.graphql'), 'utf8');
const VENUE = /^ {2}"The place, e\.g\. Centre international[^\n]*\n {2}venueName: String\n/m;
const FORUMS_WITHOUT_VENUE = FORUMS.replace(VENUE, '');

let registry: RegistryUnderTest;
let forums: DeployableSubgraph;
let grievances: DeployableSubgraph;
let adminToken: string;
let dir: string;

beforeAll(async () => {
  registry = await startRegistryForTest();
  forums = await startDeployableSubgraph(FORUMS);
  grievances = await startDeployableSubgraph(GRIEVANCES_V1);
  adminToken = (await bearer(ORGS.platform, 'admin', { subject: 'dev-admin' })).replace(/^Bearer /, '');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-removal-'));
});
afterAll(async () => {
  await grievances?.stop();
  await forums?.stop();
  await registry?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Deploys `sdl` as the subgraph and publishes its schema file the way npm start does. */
async function deployAndPublish(name: string, subgraph: DeployableSubgraph, sdl: string): Promise<string> {
  await subgraph.deploy(sdl);
  const schemaFile = path.join(dir, `${name}.graphql`);
  fs.writeFileSync(schemaFile, sdl);
  return publishLocalSchema(registry.base, adminToken, { name, routingUrl: subgraph.url, schemaFile });
}

async function supergraph(etag?: string) {
  const response = await fetch(`${registry.base}/supergraph`, {
    headers: { authorization: registry.gatewayAuthorization, ...(etag ? { 'if-none-match': etag } : {}) },
  });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    id: response.headers.get('x-composition-id'),
    sdl: await response.text(),
  };
}

test('the removal really removes a field of Forum', () => {
  expect(FORUMS).toMatch(VENUE);
  expect(FORUMS_WITHOUT_VENUE).not.toContain('venueName');
  expect(FORUMS_WITHOUT_VENUE.length).toBeLessThan(FORUMS.length);
});

test('a field removed from forums launches, and /supergraph serves it under a new ETag', async () => {
  expect(await deployAndPublish('forums', forums, FORUMS)).toBe('launched');
  const first = await supergraph();
  expect(first.status).toBe(200);
  expect(first.sdl).toContain('venueName: String');
  expect(first.etag).toBe(`"${first.id}"`);

  expect(await deployAndPublish('forums', forums, FORUMS_WITHOUT_VENUE)).toBe('launched');
  // A gateway holding the first composition gets the second, not a 304.
  const second = await supergraph(first.etag!);
  expect(second.status).toBe(200);
  expect(second.id).not.toBe(first.id);
  expect(second.sdl).not.toContain('venueName');
  expect((await supergraph(second.etag!)).status).toBe(304);

  // npm start's next start publishes the same file again: nothing to launch.
  expect(await deployAndPublish('forums', forums, FORUMS_WITHOUT_VENUE)).toBe('unchanged');
  expect((await supergraph(second.etag!)).status).toBe(304);
  expect(await registry.rows('launch')).toBe(2);
});

test('publishing the first schema again (A, B, A) launches A again as a new launch', async () => {
  const before = await supergraph();
  expect(await deployAndPublish('forums', forums, FORUMS)).toBe('launched');
  const again = await supergraph(before.etag!);
  expect(again.status).toBe(200);
  expect(again.sdl).toContain('venueName: String');
  expect(again.id).not.toBe(before.id);
  expect(await registry.rows('launch')).toBe(3);
});

test('two subgraphs published in a row: the second launch keeps the first', async () => {
  const before = await supergraph();
  expect(await deployAndPublish('grievances', grievances, GRIEVANCES_V1)).toBe('launched');
  expect(await deployAndPublish('forums', forums, FORUMS_WITHOUT_VENUE)).toBe('launched');
  const after = await supergraph(before.etag!);
  expect(after.status).toBe(200);
  expect(after.sdl).toContain('type Grievance');
  expect(after.sdl).not.toContain('venueName');
  expect(after.sdl).toMatch(/join__graph\(name: "forums"/);
  expect(after.sdl).toMatch(/join__graph\(name: "grievances"/);
  expect(await registry.rows('launch')).toBe(5);
});

/** The composition of the latest launch, by the launch's number (not its text). */
async function latestLaunch(): Promise<{ id: number; compositionId: string }> {
  const [row] = (await registry.db.dataSource.query(
    `SELECT id::int AS id, composition_id AS "compositionId" FROM launch ORDER BY launch.id DESC LIMIT 1`,
  )) as { id: number; compositionId: string }[];
  return row!;
}

test('past the tenth launch, each publish is live: /supergraph, the next publish and the history agree', async () => {
  // Launches 1–5 are the tests' above; this goes to the 14th, alternating with and without the field.
  expect((await latestLaunch()).id).toBe(5);
  let etag = (await supergraph()).etag!;
  for (let n = 6; n <= 14; n += 1) {
    const withVenue = n % 2 === 0;
    const sdl = withVenue ? FORUMS : FORUMS_WITHOUT_VENUE;
    expect(await deployAndPublish('forums', forums, sdl)).toBe('launched');
    const latest = await latestLaunch();
    expect(latest.id).toBe(n);
    const served = await supergraph(etag);
    expect([n, served.status, served.id]).toEqual([n, 200, latest.compositionId]);
    expect([n, served.sdl.includes('venueName: String')]).toEqual([n, withVenue]);
    // What is live is compared with the same schema published again: nothing to launch.
    expect([n, await deployAndPublish('forums', forums, sdl)]).toEqual([n, 'unchanged']);
    etag = served.etag!;
  }
  expect(await registry.rows('launch')).toBe(14);
});

test('the launches list is newest first by number, page after page, past the tenth', async () => {
  const page = async (after?: string) =>
    (
      await ok<{ launches: { nodes: { id: string; live: boolean }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(
        registry.admin,
        `query ($after: String) { launches(first: 5, after: $after) { nodes { id live } pageInfo { endCursor hasNextPage } } }`,
        { after },
      )
    ).launches;
  const ids: string[] = [];
  let after: string | undefined;
  for (;;) {
    const launches = await page(after);
    ids.push(...launches.nodes.map((l) => l.id));
    if (ids.length === launches.nodes.length) expect(launches.nodes.map((l) => l.live)).toEqual([true, false, false, false, false]);
    if (!launches.pageInfo.hasNextPage) break;
    after = launches.pageInfo.endCursor;
  }
  expect(ids).toEqual(Array.from({ length: 14 }, (_, i) => String(14 - i)));
});

test('the audit log is newest first by number, past its tenth entry', async () => {
  const audit = await ok<{ registryAuditLog: { nodes: { id: string }[] } }>(
    registry.admin,
    `{ registryAuditLog(first: 100) { nodes { id } } }`,
  );
  const auditIds = audit.registryAuditLog.nodes.map((n) => Number(n.id));
  expect(auditIds.length).toBeGreaterThan(20);
  expect(auditIds).toEqual([...auditIds].sort((a, b) => b - a));
});

test('the whole platform published at once, then forums without a field: launched and served', async () => {
  const config = await readSupergraphConfig(path.join(__dirname, '../../supergraph.yaml'));
  const served = await Promise.all(
    config.subgraphs.map(async (s) => ({
      name: s.name,
      sdl: s.name === 'forums' ? FORUMS : fs.readFileSync(s.schemaFile, 'utf8'),
      server: s.name === 'forums' ? forums : await startDeployableSubgraph(fs.readFileSync(s.schemaFile, 'utf8')),
    })),
  );
  try {
    // As npm start does: the directory first (every other subgraph waits for it to serve), then the
    // others at once. Displacement needs the directory's Community fields to compose.
    const [directory, ...others] = [...served].sort((a, b) => Number(b.name === 'directory') - Number(a.name === 'directory'));
    expect(directory!.name).toBe('directory');
    expect(await deployAndPublish(directory!.name, directory!.server, directory!.sdl)).toBe('launched');
    const outcomes = await Promise.all(others.map((s) => deployAndPublish(s.name, s.server, s.sdl)));
    // Forums is live as published at the 14th launch above: with the field.
    expect(outcomes).toEqual(others.map((s) => (s.name === 'forums' ? 'unchanged' : 'launched')));
    const before = await supergraph();
    expect(before.sdl).toContain('venueName: String');
    for (const s of served) expect(before.sdl).toContain(`join__graph(name: "${s.name}"`);

    expect(await deployAndPublish('forums', forums, FORUMS_WITHOUT_VENUE)).toBe('launched');
    const after = await supergraph(before.etag!);
    expect(after.status).toBe(200);
    expect(after.id).not.toBe(before.id);
    expect(after.sdl).not.toContain('venueName');
    for (const s of served) expect(after.sdl).toContain(`join__graph(name: "${s.name}"`);
    // The next start: every schema again, nothing launched.
    const again = await Promise.all(
      served.map((s) => deployAndPublish(s.name, s.server, s.name === 'forums' ? FORUMS_WITHOUT_VENUE : s.sdl)),
    );
    expect(again).toEqual(served.map(() => 'unchanged'));
    expect((await supergraph(after.etag!)).status).toBe(304);
  } finally {
    await Promise.all(served.filter((s) => s.server !== forums).map((s) => s.server.stop()));
  }
});
