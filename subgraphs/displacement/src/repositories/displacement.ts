import type { DataSource } from 'typeorm';

export function createDisplacementRepositories(_dataSource: DataSource) {
  return {};
}
