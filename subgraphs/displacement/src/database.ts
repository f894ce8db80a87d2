import { createDataSource, migrate, type Logger } from '@peacegraph/kit';
import type { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

export function displacementDataSource(url: string, logger?: Logger, poolSize?: number) {
  return createDataSource({ url, entities, migrations, logger, poolSize, applicationName: 'peacegraph-displacement' });
}

/** The schema; and the IDMC national figures, which the initial migrations load. */
export async function prepareDatabase(dataSource: DataSource, logger?: Logger): Promise<void> {
  const ran = await migrate(dataSource);
  if (ran.length) logger?.info({ migrations: ran }, 'migrations applied');
}

export { entities, migrations };
