import type { DataSource } from 'typeorm';

export async function seedDisplacementDemo(_dataSource: DataSource, _directoryUrl: string): Promise<boolean> {
  return false;
}
