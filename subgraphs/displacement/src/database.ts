import { createDataSource, migrate, type Logger } from '@peacegraph/kit';
import type { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';
import { loadIdmcFigures } from './reference/idmc-figures';

export function displacementDataSource(url: string, logger?: Logger, poolSize?: number) {
  return createDataSource({ url, entities, migrations, logger, poolSize, applicationName: 'peacegraph-displacement' });
}

/**
 * The schema; and the IDMC national figures, which the displacement migration loads and every start
 * reloads as upserts, so that a new release of the shipped file corrects figures in place.
 */
export async function prepareDatabase(dataSource: DataSource, logger?: Logger): Promise<void> {
  const ran = await migrate(dataSource);
  if (ran.length) logger?.info({ migrations: ran }, 'migrations applied');
  await loadIdmcFigures(dataSource);
}

export { entities, migrations };
