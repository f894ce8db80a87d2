import type { DataSource } from 'typeorm';
import { createDisplacementRepositories } from './displacement';
import { createTranshumanceRepositories } from './transhumance';

/** The only code that touches TypeORM: one repository per aggregate, both halves of the subgraph. */
export function createRepositories(dataSource: DataSource) {
  return { ...createDisplacementRepositories(dataSource), ...createTranshumanceRepositories(dataSource) };
}

export type Repositories = ReturnType<typeof createRepositories>;
