import { parse } from 'graphql';
import { schemaFingerprint } from '../checks/fingerprint';

export type Served = { fingerprint: string } | { unreachable: string };

/**
 * The fingerprint of the schema a subgraph serves now, from its `_service { sdl }`, which every
 * federation subgraph answers. Any failure is a reason in plain words, never an exception: a subgraph
 * that is not deployed yet is the normal case of "publish before deploy".
 */
export async function servedSchema(routingUrl: string, timeoutMs: number): Promise<Served> {
  try {
    const response = await fetch(routingUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => undefined)) as { data?: { _service?: { sdl?: unknown } } } | undefined;
    const sdl = body?.data?._service?.sdl;
    if (typeof sdl !== 'string') return { unreachable: `${routingUrl} answered HTTP ${response.status} without a schema` };
    return { fingerprint: schemaFingerprint(parse(sdl, { noLocation: true })) };
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'not reachable';
    return { unreachable: `${routingUrl}: ${reason}` };
  }
}
