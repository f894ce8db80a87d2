import type { DataSource } from 'typeorm';

export function createTranshumanceRepositories(_dataSource: DataSource) {
  return {};
}
