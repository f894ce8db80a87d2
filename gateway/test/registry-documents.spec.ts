import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@peacegraph/kit/server';
import { RegistryDocuments } from '../src/documents/registry-documents';

/** The gateway's hold on the registry's persisted documents: bounded, shared, and kept through failures. */
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const DOCUMENTS = new Map(['{ a }', '{ b }', '{ c }', `{ ${'d'.repeat(1000)} }`].map((body) => [sha(body), body]));

let server: http.Server;
let base: string;
let asked: string[] = [];
let failing = false;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const id = req.url!.replace('/documents/', '');
    asked.push(id);
    if (failing) return void res.writeHead(500).end();
    const body = DOCUMENTS.get(id);
    if (!body) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"PERSISTED_QUERY_NOT_FOUND"}}');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id, body, clientApplications: [{ id: 'c', name: 'app', ownerOrganisationId: 'org-1' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  asked = [];
  failing = false;
});

const store = (options: Partial<ConstructorParameters<typeof RegistryDocuments>[0]> = {}) =>
  new RegistryDocuments({ url: base, token: 't', log: createLogger('documents-test', 'silent'), ...options });

it('asks the registry once for many callers of one document, then answers from memory', async () => {
  const documents = store();
  const answers = await Promise.all(Array.from({ length: 10 }, () => documents.lookup(sha('{ a }'))));
  expect(answers.every((a) => 'found' in a && a.found.body === '{ a }' && a.found.organisations.has('org-1'))).toBe(true);
  await documents.lookup(sha('{ a }'));
  expect(asked).toEqual([sha('{ a }')]);
});

it('believes an unknown id for missMs only', async () => {
  const documents = store({ missMs: 50 });
  expect(await documents.lookup(sha('nope'))).toEqual({ missing: true });
  expect(await documents.lookup(sha('nope'))).toEqual({ missing: true });
  expect(asked).toHaveLength(1);
  await new Promise((resolve) => setTimeout(resolve, 60));
  await documents.lookup(sha('nope'));
  expect(asked).toHaveLength(2);
});

it('keeps serving what it fetched when the registry fails; an unfetched document is unavailable', async () => {
  const documents = store({ refreshMs: 0 });
  await documents.lookup(sha('{ a }'));
  failing = true;
  expect(await documents.lookup(sha('{ a }'))).toMatchObject({ found: { body: '{ a }' } });
  expect(await documents.lookup(sha('{ b }'))).toEqual({ unavailable: 'the registry answered HTTP 500' });
});

it('holds at most max documents and maxChars characters, the least recently used out first', async () => {
  const byCount = store({ max: 2 });
  for (const body of ['{ a }', '{ b }', '{ a }', '{ c }']) await byCount.lookup(sha(body));
  expect(byCount.size).toBe(2);
  asked = [];
  await byCount.lookup(sha('{ a }'));
  await byCount.lookup(sha('{ b }'));
  expect(asked).toEqual([sha('{ b }')]);

  const byChars = store({ maxChars: 1005 });
  await byChars.lookup(sha('{ a }'));
  await byChars.lookup(sha(`{ ${'d'.repeat(1000)} }`));
  expect(byChars.size).toBe(1);
});

it('a flood of unknown ids never pushes out a fetched document, which still serves with the registry down', async () => {
  const documents = store({ max: 50, refreshMs: 0 });
  await documents.lookup(sha('{ a }'));
  for (let i = 0; i < 1200; i++) await documents.lookup(sha(`random ${i}`));
  failing = true;
  expect(await documents.lookup(sha('{ a }'))).toMatchObject({ found: { body: '{ a }' } });
  expect(documents.size).toBe(1);
});

it('asks again for a held document an organisation has not registered, once older than missMs', async () => {
  const documents = store({ missMs: 30 });
  expect(await documents.lookup(sha('{ b }'), 'org-2')).toMatchObject({ found: { body: '{ b }' } });
  expect(await documents.lookup(sha('{ b }'), 'org-2')).toMatchObject({ found: { body: '{ b }' } });
  expect(asked).toHaveLength(1);
  await new Promise((resolve) => setTimeout(resolve, 40));
  await documents.lookup(sha('{ b }'), 'org-1');
  expect(asked).toHaveLength(1);
  await documents.lookup(sha('{ b }'), 'org-2');
  expect(asked).toHaveLength(2);
});
