import { createDataSource } from '@peacegraph/kit/sql';
import type { Logger } from '@peacegraph/kit/server';
import { Registry1765000000000 } from './migrations/1765000000000-registry';
import { UsageDay1765000000001 } from './migrations/1765000000001-usage-day';
import { PersistedDocuments1765000000002 } from './migrations/1765000000002-persisted-documents';

export const REGISTRY_MIGRATIONS = [Registry1765000000000, UsageDay1765000000001, PersistedDocuments1765000000002];

export function registryDataSource(url: string, logger?: Logger) {
  return createDataSource({
    url,
    entities: [],
    migrations: REGISTRY_MIGRATIONS,
    logger,
    applicationName: 'peacegraph-registry',
    poolSize: 10,
  });
}
