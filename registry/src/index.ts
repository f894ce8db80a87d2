import { createAuthenticator, remoteIdentityStore, tokenKeyConfig } from '@peacegraph/kit/auth';
import { migrate } from '@peacegraph/kit/sql';
import { createLogger, stopOnSignals } from '@peacegraph/kit/server';
import { registryDataSource } from './database';
import { loadRegistryEnv } from './env';
import { startRegistry } from './server';

/** The registry process: `npm start` runs it; it can also run alone with DATABASE_URL set. */
async function main(): Promise<void> {
  const config = loadRegistryEnv();
  const log = createLogger('registry', config.LOG_LEVEL);
  try {
    const { dataSource } = registryDataSource(config.DATABASE_URL, log);
    await dataSource.initialize();
    const ran = await migrate(dataSource);
    if (ran.length) log.info({ migrations: ran }, 'migrated');
    const identity = remoteIdentityStore(config.DIRECTORY_URL, { logger: log });
    const registry = await startRegistry({
      dataSource,
      logger: log,
      authenticate: await createAuthenticator(tokenKeyConfig(config), identity),
      organisationExists: (id) => identity.organisationExists(id),
      port: config.REGISTRY_PORT,
      host: config.REGISTRY_HOST,
      usageDays: config.USAGE_DAYS,
      retentionDays: config.USAGE_RETENTION_DAYS,
      verifyIntervalMs: config.VERIFY_INTERVAL_MS,
      servedTimeoutMs: config.SERVED_SDL_TIMEOUT_MS,
      maxSdlBytes: config.MAX_SDL_BYTES,
      console: { dir: config.CONSOLE_DIR, gatewayUrl: config.CONSOLE_GATEWAY_URL, devToken: config.CONSOLE_DEV_TOKEN },
    });
    stopOnSignals(log, async () => {
      await registry.stop();
      await dataSource.destroy();
    });
  } catch (error) {
    log.fatal({ reason: (error as Error).message }, 'registry could not start');
    process.exit(1);
  }
}

void main();
