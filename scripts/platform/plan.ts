import path from 'node:path';
import type { SubgraphSource } from '@peacegraph/kit/composition';
import type { DatabaseServer } from './database-server';

export interface PlannedSubgraph extends SubgraphSource {
  index: number;
  port: string;
  env: Record<string, string>;
  /** The command line of one of its processes (scripts/subgraph.ts). */
  entry: (command: 'serve' | 'seed' | 'start') => string[];
}

/**
 * The subgraphs with their environment, the directory first: every other subgraph checks communities,
 * languages and organisations against it, its demo data included (they start together; each waits
 * for the directory in its own process, scripts/subgraph.ts start).
 */
export async function planSubgraphs(
  root: string,
  subgraphs: readonly SubgraphSource[],
  database: DatabaseServer,
  auth: Record<string, string>,
): Promise<{ planned: PlannedSubgraph[]; directoryUrl: string | undefined }> {
  const ordered = [...subgraphs].sort((a, b) => Number(b.name === 'directory') - Number(a.name === 'directory'));
  const directoryUrl = ordered.find((s) => s.name === 'directory')?.routingUrl;
  const planned: PlannedSubgraph[] = [];
  for (const [index, subgraph] of ordered.entries()) {
    planned.push({
      ...subgraph,
      index,
      port: new URL(subgraph.routingUrl).port,
      entry: (command) => [path.join(root, 'scripts/subgraph.ts'), command, subgraph.name],
      env: {
        DATABASE_URL: await database.databaseFor(subgraph.name),
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        // Partners reach subgraphs through the gateway: on one machine they listen on loopback only.
        HOST: process.env.SUBGRAPH_HOST ?? '127.0.0.1',
        ...auth,
        ...(directoryUrl ? { DIRECTORY_URL: directoryUrl } : {}),
      },
    });
  }
  return { planned, directoryUrl };
}
