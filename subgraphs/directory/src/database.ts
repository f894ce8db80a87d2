import { createDataSource, migrate, type Logger } from '@peacegraph/kit';
import type { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';
import { importReferenceData } from './reference/import';

export function directoryDataSource(url: string, logger?: Logger, poolSize?: number) {
  return createDataSource({ url, entities, migrations, logger, poolSize, applicationName: 'peacegraph-directory' });
}

/** Schema first, then the reference data the product cannot work without. */
export async function prepareDatabase(dataSource: DataSource, logger?: Logger): Promise<void> {
  const ran = await migrate(dataSource);
  if (ran.length) logger?.info({ migrations: ran }, 'migrations applied');
  const counts = await importReferenceData(dataSource);
  logger?.info(counts, 'reference data up to date');
}

export { entities, migrations };
