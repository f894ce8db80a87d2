import path from 'node:path';
import { createAuthenticator, remoteIdentityStore } from '@peacegraph/kit/auth';
import { createLogger } from '@peacegraph/kit/server';
import { bearer, graphqlClient, TEST_AUTH } from '@peacegraph/kit/testing';
import { startGateway, type GatewayOptions, type RunningGateway } from '../gateway/src/gateway';
import { startConflicts, type ConflictsUnderTest } from '../subgraphs/conflicts/test/support';
import { startCurriculum, type CurriculumUnderTest } from '../subgraphs/curriculum/test/support';
import { startDisplacement, type DisplacementUnderTest } from '../subgraphs/displacement/test/support';
import { startDirectory, type DirectoryUnderTest } from '../subgraphs/directory/test/support';
import { startForums, type ForumsUnderTest } from '../subgraphs/forums/test/support';
import { startMining, type MiningUnderTest } from '../subgraphs/mining/test/support';

export const ROOT = path.resolve(__dirname, '..');
export { ORGS } from '../subgraphs/directory/test/support';

export interface PlatformUnderTest {
  gateway: RunningGateway;
  directory: DirectoryUnderTest;
  /** The curriculum subgraph, checking communities and callers against `directory`. */
  curriculum: CurriculumUnderTest;
  /** The conflicts subgraph, checking communities and callers against `directory`. */
  conflicts: ConflictsUnderTest;
  /** The forums subgraph, checking places, languages, organisations and callers against `directory`. */
  forums: ForumsUnderTest;
  /** The mining subgraph, checking places, languages, organisations and callers against `directory`. */
  mining: MiningUnderTest;
  /** The displacement subgraph, checking places, organisations and callers against `directory`. */
  displacement: DisplacementUnderTest;
  /** Anonymous caller through the gateway. */
  request: ReturnType<typeof graphqlClient>;
  /** A caller with a token for this organisation and these scopes, through the gateway. */
  as: (organisationId: string, scope: string) => Promise<ReturnType<typeof graphqlClient>>;
  stop: () => Promise<void>;
}

/**
 * The gateway serving the committed supergraph.graphql, with each subgraph of it on a real database
 * and a random port (the routing URLs of the supergraph are overridden, as partners do for their own
 * hosts). The directory starts first: the other subgraphs ask it who callers are and where
 * communities lie. `gateway` adds to the gateway's options (rate limits, say).
 */
export async function startPlatform(gateway: Partial<GatewayOptions> = {}): Promise<PlatformUnderTest> {
  const directory = await startDirectory();
  const curriculum = await startCurriculum({ directory });
  const conflicts = await startConflicts(directory.url);
  const forums = await startForums(directory.url);
  const mining = await startMining({ directory });
  const displacement = await startDisplacement({ directory });
  const running = await startGateway({
    supergraphPath: path.join(ROOT, 'supergraph.graphql'),
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: {
      directory: directory.url,
      curriculum: curriculum.url,
      conflicts: conflicts.url,
      forums: forums.url,
      mining: mining.url,
      displacement: displacement.url,
    },
    logger: createLogger('gateway-test', 'silent'),
    // No cache for API keys, so a revocation shows at once in tests.
    authenticate: await createAuthenticator(TEST_AUTH, remoteIdentityStore(directory.url, { apiKeyTtlMs: 0 })),
    ...gateway,
  });
  return {
    gateway: running,
    directory,
    curriculum,
    conflicts,
    forums,
    mining,
    displacement,
    request: graphqlClient(running.url),
    as: async (organisationId, scope) => graphqlClient(running.url, { authorization: await bearer(organisationId, scope) }),
    stop: async () => {
      await running.stop();
      await curriculum.stop();
      await conflicts.stop();
      await forums.stop();
      await mining.stop();
      await displacement.stop();
      await directory.stop();
    },
  };
}
