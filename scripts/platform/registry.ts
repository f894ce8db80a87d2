import fs from 'node:fs';
import path from 'node:path';
import type { SubgraphSource } from '@peacegraph/kit/composition';

export const REGISTRY_SERVICE = 'registry';

/** The registry's port under npm start: REGISTRY_PORT, else 4010. */
export function registryPort(): number {
  return Number(process.env.REGISTRY_PORT ?? 4010);
}

/**
 * Publishes a local subgraph's schema.graphql to the registry, as a partner's CI would: a developer's
 * change reaches the gateway by the same path as a partner's. Returns the outcome in one line.
 */
export async function publishLocalSchema(registryUrl: string, token: string, subgraph: SubgraphSource): Promise<string> {
  const response = await fetch(new URL('/graphql', registryUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `mutation ($input: PublishInput!) { publishSchema(input: $input) { outcome reasons check { id } } }`,
      variables: {
        input: {
          subgraph: subgraph.name,
          sdl: fs.readFileSync(path.resolve(subgraph.schemaFile), 'utf8'),
          routingUrl: subgraph.routingUrl,
          message: 'npm start',
        },
      },
    }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await response.json()) as {
    data?: { publishSchema?: { outcome: string; reasons: string[]; check: { id: string } | null } };
    errors?: { message: string }[];
  };
  const result = body.data?.publishSchema;
  if (!result) throw new Error(`the registry refused ${subgraph.name}'s schema: ${body.errors?.map((e) => e.message).join('; ')}`);
  // A refused local change (one that breaks an operation this platform served) does not stop the
  // platform: the gateway keeps the live version, and the developer is told how to go on.
  if (result.outcome === 'REFUSED') {
    return [
      'REFUSED: the gateway keeps serving the live version',
      ...result.reasons.map((reason) => `    ${reason}`),
      `    to launch it anyway: npm run schema -- approve ${result.check?.id} --reason "…" (PEACEGRAPH_TOKEN: the admin token below)`,
    ].join('\n');
  }
  return result.outcome.toLowerCase();
}

/** The id of the composition the registry launched (what a gateway following it should serve), if any. */
export async function launchedCompositionId(registryUrl: string, token: string): Promise<string | undefined> {
  const response = await fetch(new URL('/supergraph', registryUrl), {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(30_000),
  });
  await response.body?.cancel();
  return (response.ok && response.headers.get('x-composition-id')) || undefined;
}
