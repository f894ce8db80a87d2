/**
 * `npm run new-subgraph -- <name> <Record>`: a new subgraph in the platform's shape, e.g.
 * `npm run new-subgraph -- grievances Grievance`. It writes subgraphs/<name>/ (schema, declaration,
 * context, migration, one feature folder with its test), adds the subgraph to supergraph.yaml — the
 * one line of configuration: `npm start`, docker compose and the database init follow from it — then
 * composes the supergraph and generates the resolver types. Run `npm install` afterwards, so the new
 * workspace is linked, and `npm test`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { readSupergraphConfig } from '@peacegraph/kit/composition';
import { scaffoldNames } from './scaffold/names';
import { scaffoldFiles } from './scaffold/templates';

const root = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const [name = '', record = ''] = process.argv.slice(2);
  const configPath = path.join(root, 'supergraph.yaml');
  const config = await readSupergraphConfig(configPath);
  const port = Math.max(...config.subgraphs.map((s) => Number(new URL(s.routingUrl).port))) + 1;
  const names = scaffoldNames(name, record, port);
  if (Array.isArray(names)) throw new Error(`usage: npm run new-subgraph -- <name> <Record>\n${names.join('\n')}`);
  const folder = path.join(root, 'subgraphs', name);
  if (config.subgraphs.some((s) => s.name === name) || fs.existsSync(folder)) throw new Error(`a subgraph "${name}" exists already`);

  for (const [file, text] of Object.entries(scaffoldFiles(names, Date.now()))) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), text);
  }
  const document = YAML.parseDocument(fs.readFileSync(configPath, 'utf8'));
  document.setIn(['subgraphs', name], {
    routing_url: `http://localhost:${port}/graphql`,
    schema: { file: `./subgraphs/${name}/schema.graphql` },
  });
  fs.writeFileSync(configPath, document.toString());

  const npm = (...args: string[]) => execFileSync('npm', args, { cwd: root, stdio: 'inherit' });
  npm('run', 'compose');
  npm('run', 'codegen');
  npm('exec', '--', 'prettier', '--write', `subgraphs/${name}`);
  process.stdout.write(`\nsubgraphs/${name} is ready on port ${port}. Next: npm install (links the workspace), npm test, npm start.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
