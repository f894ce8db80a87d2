import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bearer, ok } from '@peacegraph/kit/testing';
import { startDeployableSubgraph, type DeployableSubgraph } from './fixtures/deployable-subgraph';
import { ORGS, startRegistryForTest, type RegistryUnderTest } from './support';

/** Trusted documents: a client application's persisted-documents manifest, checked whole against the live schema. */
const MEETINGS = `
"A mediation meeting."
type Meeting @key(fields: "id") @public {
  "Its id."
  id: ID!
  "Where it takes place."
  place: String
}
type Query @public {
  "One meeting."
  meeting(id: ID!): Meeting
}
`;

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const PLACE = 'query MeetingPlace($id: ID!) { meeting(id: $id) { id place } }';
const IDS = 'query MeetingId { meeting(id: "m-1") { id } }';
const UPLOAD = `mutation ($id: ID!, $documents: [PersistedDocumentInput!]!) {
  uploadPersistedDocuments(clientApplicationId: $id, documents: $documents) { added unchanged documentIds clientApplication { name } } }`;

let registry: RegistryUnderTest;
let meetings: DeployableSubgraph;
let fieldApp: string;

beforeAll(async () => {
  registry = await startRegistryForTest();
  meetings = await startDeployableSubgraph(MEETINGS);
  await ok(registry.admin, `mutation ($url: String!) { registerSubgraph(input: { name: "meetings", routingUrl: $url }) { name } }`, {
    url: meetings.url,
  });
  await ok(registry.admin, `mutation ($sdl: String!) { publishSchema(input: { subgraph: "meetings", sdl: $sdl }) { outcome } }`, {
    sdl: MEETINGS,
  });
  const { registerClientApplication } = await ok<{ registerClientApplication: { id: string } }>(
    registry.mediators,
    `mutation { registerClientApplication(name: "field-app") { id } }`,
  );
  fieldApp = registerClientApplication.id;
});
afterAll(async () => {
  await meetings?.stop();
  await registry?.stop();
});

describe('uploadPersistedDocuments', () => {
  it('stores a good manifest, is idempotent, lists the documents and audits the upload', async () => {
    const documents = [
      { id: sha(PLACE), body: PLACE },
      { id: `sha256:${sha(IDS)}`, body: IDS },
    ];
    const first = await ok<{ uploadPersistedDocuments: unknown }>(registry.mediators, UPLOAD, { id: fieldApp, documents });
    expect(first.uploadPersistedDocuments).toEqual({
      added: 2,
      unchanged: 0,
      documentIds: [sha(PLACE), sha(IDS)],
      clientApplication: { name: 'field-app' },
    });
    const again = await ok<{ uploadPersistedDocuments: { added: number; unchanged: number } }>(registry.mediators, UPLOAD, {
      id: fieldApp,
      documents,
    });
    expect(again.uploadPersistedDocuments).toMatchObject({ added: 0, unchanged: 2 });
    expect(await registry.rows('persisted_document')).toBe(2);

    const { persistedDocuments } = await ok<{ persistedDocuments: { nodes: { id: string; operationName: string }[] } }>(
      registry.mediators,
      `query ($id: ID!) { persistedDocuments(clientApplicationId: $id) { nodes { id operationName body firstUploadedBy } } }`,
      { id: fieldApp },
    );
    expect(persistedDocuments.nodes.map((d) => d.operationName).sort()).toEqual(['MeetingId', 'MeetingPlace']);
    const audit = await ok<{ registryAuditLog: { nodes: { action: string; target: string }[] } }>(
      registry.admin,
      `{ registryAuditLog(filter: { action: "documents.upload" }) { nodes { action target } } }`,
    );
    expect(audit.registryAuditLog.nodes).toEqual([
      { action: 'documents.upload', target: fieldApp },
      { action: 'documents.upload', target: fieldApp },
    ]);
  });

  it('refuses a manifest with any bad entry, names every problem, and stores nothing', async () => {
    const before = await registry.rows('persisted_document');
    const fresh = 'query Fresh { meeting(id: "m-2") { place } }';
    const unknownField = 'query Unknown { meeting(id: "m-2") { agenda } }';
    const unparsable = 'query Broken { meeting(id: "m-2") { place ';
    const response = await registry.mediators(UPLOAD, {
      id: fieldApp,
      documents: [
        { id: sha(fresh), body: fresh },
        { id: sha('something else'), body: PLACE },
        { id: sha(unknownField), body: unknownField },
        { id: sha(unparsable), body: unparsable },
        { id: 'not-a-hash', body: fresh },
      ],
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = (response.errors?.[0]?.extensions?.problems as { field: string; message: string }[]).map((p) => p.field);
    expect(problems).toEqual(['documents.1.id', 'documents.2.body', 'documents.3.body', 'documents.4.id']);
    expect(JSON.stringify(response.errors)).toContain('Cannot query field \\"agenda\\" on type \\"Meeting\\"');
    expect(await registry.rows('persisted_document')).toBe(before);
  });

  it('refuses too many documents and an oversized one', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => {
      const body = `query Q${i} { meeting(id: "${i}") { id } }`;
      return { id: sha(body), body };
    });
    const tooMany = await registry.mediators(UPLOAD, { id: fieldApp, documents: many });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documents' });
    expect(tooMany.errors?.[0]?.message).toContain('At most 1000 documents');
    const big = `query Big { meeting(id: "${'x'.repeat(100_001)}") { id } }`;
    const oversized = await registry.mediators(UPLOAD, { id: fieldApp, documents: [{ id: sha(big), body: big }] });
    expect(oversized.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documents.0.body' });
  });

  it("lets only the client's organisation and admins upload or read", async () => {
    const documents = [{ id: sha(PLACE), body: PLACE }];
    const other = await registry.educators(UPLOAD, { id: fieldApp, documents });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await registry.educators(`query ($id: ID!) { persistedDocuments(clientApplicationId: $id) { nodes { id } } }`, {
      id: fieldApp,
    });
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await ok<{ uploadPersistedDocuments: { unchanged: number } }>(registry.admin, UPLOAD, { id: fieldApp, documents });
    expect(admin.uploadPersistedDocuments.unchanged).toBe(1);
  });
});

describe('GET /documents/:id', () => {
  it('gives a gateway the document and the clients that registered it', async () => {
    const response = await fetch(`${registry.base}/documents/sha256:${sha(PLACE)}`, {
      headers: { authorization: registry.gatewayAuthorization },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: sha(PLACE),
      body: PLACE,
      clientApplications: [{ id: fieldApp, name: 'field-app', ownerOrganisationId: ORGS.mediators }],
    });
  });

  it('answers 404 for an unknown id, 400 for a malformed one, 403 for a partner', async () => {
    const get = (id: string, authorization = registry.gatewayAuthorization) =>
      fetch(`${registry.base}/documents/${id}`, { headers: { authorization } });
    const unknown = await get(sha('never uploaded'));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await get('abc')).status).toBe(400);
    expect((await get(sha(PLACE), await bearer(ORGS.mediators, 'conflicts:read'))).status).toBe(403);
  });
});

describe('npm run schema -- documents', () => {
  const ROOT = path.resolve(__dirname, '../..');
  const run = (args: string[], token: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'scripts/schema.ts'), ...args, '--registry', registry.base],
        { cwd: ROOT, env: { ...process.env, PEACEGRAPH_TOKEN: token } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });

  it("uploads a client preset's manifest, and exits 1 naming the problems of a bad one", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    const token = (await bearer(ORGS.mediators, 'conflicts:write', { subject: 'ci' })).replace(/^Bearer /, '');
    const body = 'query ByCli { meeting(id: "m-3") { place } }';
    fs.writeFileSync(path.join(dir, 'good.json'), JSON.stringify({ [sha(body)]: body }));
    const good = await run(['documents', fieldApp, path.join(dir, 'good.json')], token);
    expect(good).toMatchObject({ code: 0, stderr: '' });
    expect(good.stdout).toContain('Uploaded 1 document(s) for field-app: 1 new, 0 already registered.');
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ [sha('other')]: body }));
    const bad = await run(['documents', fieldApp, path.join(dir, 'bad.json')], token);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('documents.0.id');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
