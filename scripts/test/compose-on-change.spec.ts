import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMPOSITION_STAMP, composeIfChanged } from '../platform/composition';

const repo = path.resolve(__dirname, '../..');

/**
 * npm start composes the supergraph only when what it is made from changed: a copy of the
 * repository's supergraph.yaml and schema files, composed, touched, and composed again.
 */
describe('npm start composing the supergraph', () => {
  let root: string;
  let configPath: string;
  let supergraphPath: string;
  const schemaOf = (name: string) => path.join(root, 'subgraphs', name, 'schema.graphql');

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'peacegraph-compose-'));
    configPath = path.join(root, 'supergraph.yaml');
    supergraphPath = path.join(root, 'supergraph.graphql');
    fs.copyFileSync(path.join(repo, 'supergraph.yaml'), configPath);
    for (const name of fs.readdirSync(path.join(repo, 'subgraphs'))) {
      const schema = path.join(repo, 'subgraphs', name, 'schema.graphql');
      if (!fs.existsSync(schema)) continue;
      fs.mkdirSync(path.dirname(schemaOf(name)), { recursive: true });
      fs.copyFileSync(schema, schemaOf(name));
    }
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('composes the first time, then not until an input changes', async () => {
    expect(await composeIfChanged(root, configPath, supergraphPath)).toBe(true);
    const first = fs.readFileSync(supergraphPath, 'utf8');
    expect(first).toContain('join__Graph');
    expect(fs.existsSync(path.join(root, COMPOSITION_STAMP))).toBe(true);
    expect(await composeIfChanged(root, configPath, supergraphPath)).toBe(false);

    // A field added to a subgraph's schema: composed again, and the supergraph has it.
    const forums = schemaOf('forums');
    const original = fs.readFileSync(forums, 'utf8');
    const added = original.replace(
      'type Query @public {',
      'type Query @public {\n  "Whether the test added it."\n  composeOnChangeProbe: Boolean',
    );
    fs.writeFileSync(forums, added);
    expect(await composeIfChanged(root, configPath, supergraphPath)).toBe(true);
    expect(fs.readFileSync(supergraphPath, 'utf8')).toContain('composeOnChangeProbe');
    expect(await composeIfChanged(root, configPath, supergraphPath)).toBe(false);

    // The supergraph file edited by hand: written again from the inputs.
    fs.writeFileSync(supergraphPath, 'edited');
    expect(await composeIfChanged(root, configPath, supergraphPath)).toBe(true);
    expect(fs.readFileSync(supergraphPath, 'utf8')).toContain('composeOnChangeProbe');
  }, 120_000);

  it('refuses subgraphs that do not compose, and keeps composing until they do', async () => {
    const forums = schemaOf('forums');
    const good = fs.readFileSync(forums, 'utf8');
    fs.writeFileSync(forums, `${good}\ntype Broken {`);
    await expect(composeIfChanged(root, configPath, supergraphPath)).rejects.toThrow('the supergraph does not compose');
    await expect(composeIfChanged(root, configPath, supergraphPath)).rejects.toThrow('the supergraph does not compose');
    // Back to what last composed: nothing to do.
    fs.writeFileSync(forums, good);
    expect(await composeIfChanged(root, configPath, supergraphPath)).toBe(false);
  }, 120_000);
});
