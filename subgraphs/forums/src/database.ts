import { createDataSource, migrate, type Logger } from '@peacegraph/kit';
import type { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

export function forumsDataSource(url: string, logger?: Logger, poolSize?: number) {
  return createDataSource({ url, entities, migrations, logger, poolSize, applicationName: 'peacegraph-forums' });
}

/** The forums subgraph has no reference data of its own: the directory holds places and organisations. */
export async function prepareDatabase(dataSource: DataSource, logger?: Logger): Promise<void> {
  const ran = await migrate(dataSource);
  if (ran.length) logger?.info({ migrations: ran }, 'migrations applied');
}

export { entities, migrations };
