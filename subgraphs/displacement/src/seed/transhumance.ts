import type { DataSource } from 'typeorm';

export async function seedTranshumanceDemo(_dataSource: DataSource, _directoryUrl: string): Promise<boolean> {
  return false;
}
