/**
 * `node --import tsx scripts/subgraph.ts <serve|migrate|seed> <name>`: one process of one subgraph,
 * built by the kit from its declaration (subgraphs/<name>/src/subgraph.ts). `npm start`, `npm run
 * seed` and the docker compose file all start subgraphs this way; the default port is the one of its
 * routing URL in supergraph.yaml, so the plan is written in one place.
 */
import path from 'node:path';
import { runSubgraphCommand, SUBGRAPH_COMMANDS, type SubgraphCommand, type SubgraphDefinition } from '@peacegraph/kit/server';
import { readSupergraphConfig } from '@peacegraph/kit/composition';

const root = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (!SUBGRAPH_COMMANDS.includes(command as SubgraphCommand) || !name) {
    throw new Error(`usage: scripts/subgraph.ts <${SUBGRAPH_COMMANDS.join('|')}> <subgraph>`);
  }
  const config = await readSupergraphConfig(path.join(root, 'supergraph.yaml'));
  const planned = config.subgraphs.find((s) => s.name === name);
  if (!planned) throw new Error(`no subgraph "${name}" in supergraph.yaml (known: ${config.subgraphs.map((s) => s.name).join(', ')})`);
  const { subgraph } = (await import(path.join(root, 'subgraphs', name, 'src/subgraph'))) as { subgraph: SubgraphDefinition };
  runSubgraphCommand(subgraph, command as SubgraphCommand, Number(new URL(planned.routingUrl).port));
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
