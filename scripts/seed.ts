/**
 * `npm run seed`: migrations, reference data and demo data for every subgraph, without starting the
 * services. Uses DATABASE_URL / DATABASE_URL_<NAME> when set, the embedded PostgreSQL otherwise.
 */
import path from 'node:path';
import { readSupergraphConfig } from '../gateway/src/composition';
import { openDatabaseServer } from './platform/database-server';
import { label, runTask } from './platform/processes';

const root = path.resolve(__dirname, '..');
const say = (line: string) => process.stdout.write(`${label('platform', 7)} ${line}\n`);

async function main(): Promise<void> {
  const config = await readSupergraphConfig(path.join(root, 'supergraph.yaml'));
  const database = await openDatabaseServer(root, say);
  try {
    for (const [index, subgraph] of config.subgraphs.entries()) {
      const env = { DATABASE_URL: await database.databaseFor(subgraph.name) };
      await runTask(subgraph.name, index, path.join(root, 'subgraphs', subgraph.name, 'src/seed/index.ts'), env);
      say(`${subgraph.name}: migrations, reference data and demo data are in place`);
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  say(`seed failed: ${(error as Error).message}`);
  process.exit(1);
});
