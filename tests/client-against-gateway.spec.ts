import net from 'node:net';
import path from 'node:path';
import { createClient, PeaceGraphError } from '@peacegraph/client';
import { createLogger } from '@peacegraph/kit/server';
import { startGateway, type RunningGateway } from '../gateway/src/gateway';

/**
 * @peacegraph/client against the real gateway, not a scripted server: its rate limit (HTTP 429 with
 * Retry-After) is waited out, and a subgraph that cannot be reached (SUBGRAPH_UNAVAILABLE, retryable)
 * is retried and then given to the caller as a typed error, with the rest of the answer kept.
 */
let gateway: RunningGateway;

/** A port nothing listens on: the directory "down". */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const down = `http://127.0.0.1:${await closedPort()}/graphql`;
  gateway = await startGateway({
    supergraphPath: path.resolve(__dirname, '..', 'supergraph.graphql'),
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: { directory: down, curriculum: down, conflicts: down, forums: down, mining: down, displacement: down },
    logger: createLogger('gateway-test', 'silent'),
    // Two requests at once for a caller without credentials, then one a second.
    rateLimit: { anonymousLimit: 2, windowSeconds: 2 },
  });
});
afterAll(() => gateway.stop());

const client = (retry = {}) =>
  createClient({ url: gateway.url, clientName: 'client-e2e', clientVersion: '1.0.0', retry: { baseDelayMs: 20, ...retry } });

describe('the client and the gateway', () => {
  it('waits out the rate limit after Retry-After, or gives RATE_LIMITED when told not to retry', async () => {
    // Empty the bucket, then: refused at once without retries, answered after about a second with them.
    await client().request('{ __typename }');
    await client().request('{ __typename }');
    const refused = await client({ attempts: 1 })
      .request('{ __typename }')
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PeaceGraphError);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryable: true });
    const started = Date.now();
    expect(await client().request('{ __typename }')).toEqual({ __typename: 'Query' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });

  it('retries a subgraph that cannot be reached, then gives its typed error beside the data', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2100)); // a full bucket again
    const error = await client({ attempts: 2 })
      .request('{ __typename adminAreas(country: "ML", level: 1) { totalCount } }')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PeaceGraphError);
    expect(error).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', retryable: true, serviceName: 'directory', status: 200 });
    expect((error as PeaceGraphError).data).toEqual({ __typename: 'Query', adminAreas: null });
    expect((error as PeaceGraphError).requestId).toMatch(/./);
  });
});
