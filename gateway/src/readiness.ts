import type { LastPoll } from './registry-supergraph';
import type { LoadedSupergraph, SupergraphSource } from './supergraph-file';

export type SubgraphState = 'ready' | 'unavailable';

export interface Readiness {
  ready: boolean;
  supergraph: {
    loaded: boolean;
    /** The composition id served (the registry's, or sha256 of the file). */
    id?: string;
    source?: SupergraphSource;
    loadedAt?: string;
    /** Following the registry: what its last poll found. */
    lastPoll?: LastPoll;
  };
  /** By subgraph name. URLs are left out: the endpoint is public and they say where services run. */
  subgraphs: Record<string, SubgraphState>;
}

/**
 * Ready means: a supergraph is loaded and every subgraph in it says it is ready. A subgraph built on
 * the kit answers GET /ready next to its /graphql; one run elsewhere may not have that route, and then
 * answering `{ __typename }` is taken as ready, as routers' health checks do.
 */
export async function checkReadiness(
  supergraph: LoadedSupergraph | undefined,
  routeOf: (name: string, url: string) => string,
  timeoutMs: number,
  lastPoll?: LastPoll,
): Promise<Readiness> {
  const polled = lastPoll ? { lastPoll } : {};
  if (!supergraph) return { ready: false, supergraph: { loaded: false, ...polled }, subgraphs: {} };
  const states = await Promise.all(
    supergraph.subgraphs.map(async ({ name, url }) => [name, await probe(routeOf(name, url), timeoutMs)] as const),
  );
  return {
    ready: states.every(([, state]) => state === 'ready'),
    supergraph: { loaded: true, id: supergraph.id, source: supergraph.source, loadedAt: supergraph.loadedAt.toISOString(), ...polled },
    subgraphs: Object.fromEntries(states),
  };
}

async function probe(graphqlUrl: string, timeoutMs: number): Promise<SubgraphState> {
  try {
    const response = await fetch(new URL('ready', graphqlUrl), { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    if (response.ok) return 'ready';
    if (response.status !== 404) return 'unavailable';
    return (await answersTypename(graphqlUrl, timeoutMs)) ? 'ready' : 'unavailable';
  } catch {
    return 'unavailable';
  }
}

async function answersTypename(graphqlUrl: string, timeoutMs: number): Promise<boolean> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json().catch(() => undefined)) as { data?: { __typename?: string } } | undefined;
  return response.ok && body?.data?.__typename === 'Query';
}
