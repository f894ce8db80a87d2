import path from 'node:path';
import { createLogger } from '@peacegraph/kit';
import { graphqlClient } from '@peacegraph/kit/testing';
import { startGateway, type RunningGateway } from '../gateway/src/gateway';
import { startDirectory, type DirectoryUnderTest } from '../subgraphs/directory/test/support';

export const ROOT = path.resolve(__dirname, '..');

export interface PlatformUnderTest {
  gateway: RunningGateway;
  directory: DirectoryUnderTest;
  request: ReturnType<typeof graphqlClient>;
  stop: () => Promise<void>;
}

/**
 * The gateway serving the committed supergraph.graphql, with each subgraph on a real database and a
 * random port (the routing URLs of the supergraph are overridden, as partners do for their own hosts).
 */
export async function startPlatform(): Promise<PlatformUnderTest> {
  const directory = await startDirectory();
  const gateway = await startGateway({
    supergraphPath: path.join(ROOT, 'supergraph.graphql'),
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: { directory: directory.url },
    logger: createLogger('gateway-test', 'silent'),
  });
  return {
    gateway,
    directory,
    request: graphqlClient(gateway.url),
    stop: async () => {
      await gateway.stop();
      await directory.stop();
    },
  };
}
