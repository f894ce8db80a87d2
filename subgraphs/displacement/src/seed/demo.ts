import type { DataSource } from 'typeorm';
import { ReferenceChecks } from '@peacegraph/kit/input';
import { seedDisplacementDemo } from './displacement';
import { seedTranshumanceDemo } from './transhumance';
import { DEMO_COMMUNITIES } from './demo-data';

/**
 * Loads the agency's demo work once per database, through the same services as partners' writes (so
 * demo data obeys every rule real data does). True when anything was loaded.
 */
export async function seedDemoData(dataSource: DataSource, directoryUrl: string): Promise<boolean> {
  const displacement = await seedDisplacementDemo(dataSource, directoryUrl);
  const transhumance = await seedTranshumanceDemo(dataSource, directoryUrl);
  return displacement || transhumance;
}

/** The directory the demo data asks about its communities, answering and holding its own demo data. */
export function directoryReady(directoryUrl: string) {
  return ReferenceChecks.ready(directoryUrl, DEMO_COMMUNITIES.Dori);
}
