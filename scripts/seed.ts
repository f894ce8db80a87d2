/**
 * `npm run seed`: migrations, reference data and demo data for every subgraph, without leaving
 * services running. The directory runs while the others seed, because their demo data is checked
 * against it. Uses DATABASE_URL / DATABASE_URL_<NAME> when set, the embedded PostgreSQL otherwise.
 */
import path from 'node:path';
import { readSupergraphConfig } from '@peacegraph/kit/composition';
import { openDatabaseServer, POSTGRES_SERVICE } from './platform/database-server';
import { devSecret } from './platform/dev-secret';
import { planSubgraphs } from './platform/plan';
import { claimPlatform } from './platform/lock';
import { label, runService, runTask, waitUntilReady, type Service } from './platform/processes';
import { Supervisor } from './platform/supervisor';

const root = path.resolve(__dirname, '..');
const say = (line: string) => process.stdout.write(`${label('platform', 7)} ${line}\n`);

async function main(): Promise<void> {
  const config = await readSupergraphConfig(path.join(root, 'supergraph.yaml'));
  // Seeding and a running platform would share the embedded PostgreSQL's data directory.
  const lock = claimPlatform(root);
  const supervisor = new Supervisor(say);
  const database = await openDatabaseServer(root, say, supervisor);
  let directory: Service | undefined;
  try {
    const { planned } = await planSubgraphs(root, config.subgraphs, database, { AUTH_HS256_SECRET: devSecret(root, true)! });
    for (const subgraph of planned) {
      await runTask(subgraph.name, subgraph.index, subgraph.entry('seed'), subgraph.env);
      say(`${subgraph.name}: migrations, reference data and demo data are in place`);
      if (subgraph.name === 'directory' && planned.length > 1) {
        directory = runService(subgraph.name, subgraph.index, subgraph.entry('serve'), {
          ...subgraph.env,
          PORT: subgraph.port,
        });
        await waitUntilReady(new URL('/ready', subgraph.routingUrl).toString(), 30_000, directory.exited);
      }
    }
  } finally {
    if (directory) {
      directory.child.kill('SIGTERM');
      await directory.exited;
    }
    await supervisor.stop([[POSTGRES_SERVICE]]);
    lock.release();
  }
}

main().catch((error: unknown) => {
  say(`seed failed: ${(error as Error).message}`);
  process.exit(1);
});
