import { createAuthenticator, remoteIdentityStore } from '@peacegraph/kit/auth';
import { createLogger, stopOnSignals } from '@peacegraph/kit/server';
import { loadGatewayEnvOrExit } from './env';
import { startGateway } from './gateway';

async function main(): Promise<void> {
  const config = loadGatewayEnvOrExit();
  const log = createLogger('gateway', config.logLevel);
  // Under npm start the supervisor says which services it gave up on after repeated crashes.
  let gaveUp: { name: string; reason?: string }[] = [];
  process.on('message', (message: { platform?: typeof gaveUp }) => {
    if (Array.isArray(message?.platform)) gaveUp = message.platform;
  });
  try {
    const gateway = await startGateway({
      supergraphPath: config.supergraphPath,
      // With REGISTRY_URL the supergraph comes from the registry, and usage is reported to it.
      registry: config.registry && {
        url: config.registry.url,
        token: config.registry.token,
        pollMs: config.registry.pollMs,
        cachePath: config.registry.cachePath,
      },
      usage: { flushMs: config.usage.flushMs, bufferMax: config.usage.bufferMax },
      port: config.port,
      host: config.host,
      subgraphUrls: config.subgraphUrls,
      subgraphTimeoutMs: config.subgraphTimeoutMs,
      mergeReads: config.mergeReads,
      keptAnswersBudget: config.keptAnswersBudget,
      bodyLimit: config.bodySize,
      maxDepth: config.maxDepth,
      maxAliases: config.maxAliases,
      maxCost: config.maxCost,
      explorerHeaders: config.explorerHeaders,
      corsOrigins: config.corsOrigins,
      rateLimit: config.rateLimit,
      trustProxy: config.trustProxy,
      gaveUp: () => gaveUp,
      logger: log,
      authenticate: await createAuthenticator(
        config.auth,
        remoteIdentityStore(config.subgraphUrls.directory ?? config.directoryUrl, { logger: log }),
      ),
    });
    stopOnSignals(log, gateway.stop);
  } catch (error) {
    log.fatal({ reason: (error as Error).message }, 'gateway could not start');
    process.exit(1);
  }
}

void main();
