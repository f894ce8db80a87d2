import path from 'node:path';
import { createAuthenticator, createLogger, remoteIdentityStore } from '@peacegraph/kit';
import { bearer, graphqlClient, TEST_AUTH } from '@peacegraph/kit/testing';
import { startGateway, type RunningGateway } from '../gateway/src/gateway';
import { startDirectory, type DirectoryUnderTest } from '../subgraphs/directory/test/support';

export const ROOT = path.resolve(__dirname, '..');
export { ORGS } from '../subgraphs/directory/test/support';

export interface PlatformUnderTest {
  gateway: RunningGateway;
  directory: DirectoryUnderTest;
  /** Anonymous caller through the gateway. */
  request: ReturnType<typeof graphqlClient>;
  /** A caller with a token for this organisation and these scopes, through the gateway. */
  as: (organisationId: string, scope: string) => Promise<ReturnType<typeof graphqlClient>>;
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
    // No cache for API keys, so a revocation shows at once in tests.
    authenticate: await createAuthenticator(TEST_AUTH, remoteIdentityStore(directory.url, { apiKeyTtlMs: 0 })),
  });
  return {
    gateway,
    directory,
    request: graphqlClient(gateway.url),
    as: async (organisationId, scope) => graphqlClient(gateway.url, { authorization: await bearer(organisationId, scope) }),
    stop: async () => {
      await gateway.stop();
      await directory.stop();
    },
  };
}
