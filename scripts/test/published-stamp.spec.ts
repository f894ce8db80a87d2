import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PUBLISHED_STAMP, alreadyPublished, publishedHash, readPublished, writePublished } from '../platform/published';

/** npm start publishes a schema again unless the registry serves exactly what it last published. */
describe('what npm start last published', () => {
  let root: string;
  let schemaFile: string;
  const forums = () => ({ name: 'forums', routingUrl: 'http://localhost:4004/graphql', schemaFile });

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'peacegraph-published-'));
    schemaFile = path.join(root, 'schema.graphql');
    fs.writeFileSync(schemaFile, 'type Query { a: Int }');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('skips only the same schema and routing URL under the same launched composition', () => {
    writePublished(root, { compositionId: 'c1', schemas: { forums: publishedHash(forums()) } });
    const stamp = readPublished(root);
    expect(stamp).toEqual({ compositionId: 'c1', schemas: { forums: publishedHash(forums()) } });
    expect(alreadyPublished(stamp, 'c1', forums())).toBe(true);

    // Another composition launched in the registry since (a publish from elsewhere, a new database).
    expect(alreadyPublished(stamp, 'c2', forums())).toBe(false);
    // A registry that launched nothing, or could not say.
    expect(alreadyPublished(stamp, undefined, forums())).toBe(false);
    // A subgraph not published at the last start.
    expect(alreadyPublished(stamp, 'c1', { ...forums(), name: 'mining' })).toBe(false);
    // Its routing URL moved.
    expect(alreadyPublished(stamp, 'c1', { ...forums(), routingUrl: 'http://localhost:4104/graphql' })).toBe(false);
    // Its schema edited.
    fs.writeFileSync(schemaFile, 'type Query { a: Int b: Int }');
    expect(alreadyPublished(stamp, 'c1', forums())).toBe(false);
  });

  it('forgets when told to, and ignores a stamp it cannot read', () => {
    writePublished(root, { compositionId: 'c1', schemas: { forums: publishedHash(forums()) } });
    writePublished(root, undefined);
    expect(fs.existsSync(path.join(root, PUBLISHED_STAMP))).toBe(false);
    expect(alreadyPublished(readPublished(root), 'c1', forums())).toBe(false);

    fs.mkdirSync(path.join(root, '.data'), { recursive: true });
    fs.writeFileSync(path.join(root, PUBLISHED_STAMP), '{"compositionId":');
    expect(readPublished(root)).toBeUndefined();
  });
});
