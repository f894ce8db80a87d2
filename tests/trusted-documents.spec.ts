import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAuthenticator, remoteIdentityStore } from '@peacegraph/kit/auth';
import { createLogger } from '@peacegraph/kit/server';
import { TEST_AUTH, graphqlClient, ok } from '@peacegraph/kit/testing';
import { startGateway, type RunningGateway } from '../gateway/src/gateway';
import { RegistryDocuments } from '../gateway/src/documents/registry-documents';
import { GRIEVANCES_V1, startDeployableSubgraph, type DeployableSubgraph } from '../registry/test/fixtures/deployable-subgraph';
import { ORGS, startRegistryForTest, type RegistryUnderTest } from '../registry/test/support';

/**
 * Trusted documents end to end: a client application's manifest uploaded to the registry, a gateway
 * following it that runs documents by id, and API keys from the directory, one held to trusted
 * documents. Every part real and over HTTP.
 */
const SDL = GRIEVANCES_V1;
const SUMMARY = 'query GrievanceSummary { grievance(id: "g-1") { id summary } }';
const ONLY_ID = 'query GrievanceId { grievance(id: "g-2") { id } }';
const AD_HOC = '{ grievance(id: "g-9") { summary } }';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let registry: RegistryUnderTest;
let grievances: DeployableSubgraph;
let gateway: RunningGateway;
let dir: string;
/** Keys of the mediators (who own the field app): one held to trusted documents, one not; and one of the educators, held. */
let trusted: string;
let free: string;
let otherOrganisation: string;

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(key: string | null, body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}
const codeOf = (answer: Answer) => answer.errors?.[0]?.extensions?.code;
const apq = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha(query) } });

beforeAll(async () => {
  registry = await startRegistryForTest();
  grievances = await startDeployableSubgraph(SDL);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peacegraph-trusted-documents-'));
  await ok(registry.admin, `mutation ($input: RegisterSubgraphInput!) { registerSubgraph(input: $input) { name } }`, {
    input: { name: 'grievances', routingUrl: grievances.url, ownerOrganisationId: ORGS.educators },
  });
  await ok(registry.educators, `mutation ($sdl: String!) { publishSchema(input: { subgraph: "grievances", sdl: $sdl }) { outcome } }`, {
    sdl: SDL,
  });
  const { registerClientApplication: app } = await ok<{ registerClientApplication: { id: string } }>(
    registry.mediators,
    `mutation { registerClientApplication(name: "field-app") { id } }`,
  );
  await ok(
    registry.mediators,
    `mutation ($id: ID!, $documents: [PersistedDocumentInput!]!) { uploadPersistedDocuments(clientApplicationId: $id, documents: $documents) { added } }`,
    { id: app.id, documents: [SUMMARY, ONLY_ID].map((body) => ({ id: sha(body), body })) },
  );

  const admin = await registry.directory.as(ORGS.platform, 'admin');
  const key = async (organisation: string, trustedDocumentsOnly: boolean) =>
    (
      await admin<{ createApiKey: { key: string } }>(`mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`, {
        input: { organisation, name: `key ${organisation} ${trustedDocumentsOnly}`, scope: 'conflicts:read', trustedDocumentsOnly },
      })
    ).data!.createApiKey.key;
  [trusted, free, otherOrganisation] = await Promise.all([
    key(ORGS.mediators, true),
    key(ORGS.mediators, false),
    key(ORGS.educators, true),
  ]);

  gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    registry: {
      url: registry.base,
      token: registry.gatewayAuthorization.replace('Bearer ', ''),
      cachePath: path.join(dir, 'supergraph.graphql'),
      pollMs: 100,
    },
    usage: { flushMs: 100_000 },
    authenticate: await createAuthenticator(TEST_AUTH, remoteIdentityStore(registry.directory.url, { apiKeyTtlMs: 0 })),
    logger: createLogger('gateway-test', 'silent'),
  });
});
afterAll(async () => {
  await gateway?.stop();
  await grievances?.stop();
  await registry?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('documentId', () => {
  it('runs a registered document by its id, as "sha256:<hex>" or the bare hex, for any caller', async () => {
    for (const [key, documentId] of [
      [trusted, `sha256:${sha(SUMMARY)}`],
      [trusted, sha(SUMMARY).toUpperCase()],
      [free, sha(SUMMARY)],
      [null, `sha256:${sha(SUMMARY)}`],
    ] as const) {
      const answer = await post(key, { documentId });
      expect(answer).toEqual({ status: 200, data: { grievance: { id: 'g-1', summary: 'Dispute over a water point' } } });
    }
  });

  it('answers PERSISTED_QUERY_NOT_FOUND for an unknown id, BAD_REQUEST for a malformed one or one beside a query', async () => {
    const unknown = await post(free, { documentId: `sha256:${sha('never registered')}` });
    expect([unknown.status, codeOf(unknown)]).toEqual([200, 'PERSISTED_QUERY_NOT_FOUND']);
    const malformed = await post(free, { documentId: 'sha256:abc' });
    expect([malformed.status, codeOf(malformed)]).toEqual([400, 'BAD_REQUEST']);
    const both = await post(free, { documentId: sha(SUMMARY), query: AD_HOC });
    expect([both.status, codeOf(both)]).toEqual([400, 'BAD_REQUEST']);
  });
});

describe('a key held to trusted documents', () => {
  it('does nothing at the registry: it cannot register an app nor upload the documents it is held to', async () => {
    const atRegistry = graphqlClient(`${registry.base}/graphql`, { authorization: `Bearer ${trusted}` });
    const before = await registry.rows('persisted_document');
    for (const [what, query, variables] of [
      ['register an app', `mutation { registerClientApplication(name: "smuggler") { id } }`, {}],
      [
        'upload a document',
        `mutation ($documents: [PersistedDocumentInput!]!) { uploadPersistedDocuments(clientApplicationId: "00000000-0000-4000-8000-000000000001", documents: $documents) { added } }`,
        { documents: [{ id: sha(AD_HOC), body: AD_HOC }] },
      ],
      ['read the history', `{ launches { nodes { id } } }`, {}],
    ] as const) {
      const { errors } = await atRegistry(query, variables);
      expect([what, errors?.[0]?.extensions?.code, errors?.[0]?.message]).toEqual([
        what,
        'FORBIDDEN',
        'This API key is held to trusted documents: it runs the documents registered for its organisation at the gateway, and nothing at the registry',
      ]);
    }
    expect(await registry.rows('persisted_document')).toBe(before);
  });

  it('is refused an ad-hoc query and an APQ registration with PERSISTED_QUERY_REQUIRED', async () => {
    const adHoc = await post(trusted, { query: AD_HOC });
    expect([adHoc.status, codeOf(adHoc), adHoc.data]).toEqual([403, 'PERSISTED_QUERY_REQUIRED', undefined]);
    const registration = await post(trusted, { query: AD_HOC, extensions: apq(AD_HOC) });
    expect([registration.status, codeOf(registration)]).toEqual([403, 'PERSISTED_QUERY_REQUIRED']);
    // Even a registered document, sent as text, is a query it may not send.
    const asText = await post(trusted, { query: SUMMARY });
    expect(codeOf(asText)).toBe('PERSISTED_QUERY_REQUIRED');
    // Nor by GET, nor in a batch.
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent(AD_HOC)}`, {
      headers: { authorization: `Bearer ${trusted}`, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(403);
    const batch = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${trusted}` },
      body: JSON.stringify([{ query: AD_HOC }]),
    });
    expect(batch.status).toBe(403);
  });

  it("runs a registered document by its APQ hash, but never what another caller put in the gateway's APQ cache", async () => {
    const byHash = await post(trusted, { extensions: apq(ONLY_ID) });
    expect(byHash).toEqual({ status: 200, data: { grievance: { id: 'g-2' } } });
    // A free key registers an ad-hoc query by APQ; the trusted key cannot reach it by its hash.
    expect((await post(free, { query: AD_HOC, extensions: apq(AD_HOC) })).data).toEqual({
      grievance: { summary: 'Dispute over a water point' },
    });
    const smuggled = await post(trusted, { extensions: apq(AD_HOC) });
    expect([smuggled.status, codeOf(smuggled), smuggled.data]).toEqual([200, 'PERSISTED_QUERY_NOT_FOUND', undefined]);
  });

  it("does not run another organisation's documents", async () => {
    const answer = await post(otherOrganisation, { documentId: sha(SUMMARY) });
    expect(codeOf(answer)).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('automatic persisted queries for a free key', () => {
  it('answers the hash of a registered document at the first request, without the query', async () => {
    expect(await post(free, { extensions: apq(ONLY_ID) })).toEqual({ status: 200, data: { grievance: { id: 'g-2' } } });
  });

  it('answers an unknown hash PERSISTED_QUERY_NOT_FOUND, takes the query with its hash, then runs the hash alone', async () => {
    const query = 'query Notes { grievance(id: "g-3") { id } }';
    const miss = await post(free, { extensions: apq(query) });
    expect([miss.status, codeOf(miss)]).toEqual([200, 'PERSISTED_QUERY_NOT_FOUND']);
    expect((await post(free, { query, extensions: apq(query) })).data).toEqual({ grievance: { id: 'g-3' } });
    expect(await post(free, { extensions: apq(query) })).toEqual({ status: 200, data: { grievance: { id: 'g-3' } } });
  });
});

describe('usage and the registry down', () => {
  it('names the document in usage reports', async () => {
    await post(free, { documentId: sha(SUMMARY) });
    expect((await gateway.usage!.flush()).sent).toBe(1);
    const { operations } = await ok<{ operations: { name: string | null; documentId: string | null }[] }>(
      registry.admin,
      `{ operations { name documentId } }`,
    );
    expect(operations).toContainEqual({ name: 'GrievanceSummary', documentId: sha(SUMMARY) });
  });

  it('keeps serving the documents it fetched when the registry is down; an unfetched one is SERVICE_UNAVAILABLE', async () => {
    // A store that asks the registry again at every lookup: it must keep what it had when the registry fails.
    const eager = new RegistryDocuments({
      url: registry.base,
      token: registry.gatewayAuthorization.replace('Bearer ', ''),
      log: createLogger('documents-test', 'silent'),
      refreshMs: 0,
    });
    expect(await eager.lookup(sha(SUMMARY))).toMatchObject({ found: { body: SUMMARY } });
    await registry.running.stop();
    expect(await eager.lookup(sha(SUMMARY))).toMatchObject({ found: { body: SUMMARY } });
    expect(await eager.lookup(sha(ONLY_ID))).toMatchObject({ unavailable: expect.stringContaining('could not be reached') });

    expect(await post(trusted, { documentId: sha(SUMMARY) })).toEqual({
      status: 200,
      data: { grievance: { id: 'g-1', summary: 'Dispute over a water point' } },
    });
    const unfetched = await post(free, { documentId: sha('uploaded while the registry was down') });
    expect([unfetched.status, codeOf(unfetched)]).toEqual([503, 'SERVICE_UNAVAILABLE']);
  });
});
