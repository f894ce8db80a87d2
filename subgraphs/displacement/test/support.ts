import { serveBesideDirectory, type Client, type ServedForTest, type TestDatabase } from '@peacegraph/kit/testing';
import { ORGS, startDemoDirectory, type DirectoryUnderTest } from '../../directory/test/support';
import { subgraph } from '../src/subgraph';
import { DISPLACEMENT_TABLES } from './displacement-tables';
import { TRANSHUMANCE_TABLES } from './transhumance-tables';
import { DEMO_COMMUNITIES, ECOWAS_COMMISSION, MOBILITY_AGENCY, RECONCILIATION_MINISTRY } from '../src/seed/demo-data';

export { ORGS };
/** The mobility agency (a demo organisation of the directory) owns what the tests record; the mediators are another partner. */
export const OWNER = MOBILITY_AGENCY;
export const OTHER_PARTNER = ORGS.mediators;
export { DEMO_COMMUNITIES, ECOWAS_COMMISSION, RECONCILIATION_MINISTRY };

export interface DisplacementUnderTest extends ServedForTest {
  db: TestDatabase;
  /** A real directory subgraph with its demo organisations and communities. */
  directory: DirectoryUnderTest;
  /** The agency's staff with displacement:write and :sensitive: the owner of what the tests record. */
  owner: Client;
  /** Rows of every table a write touches, at once. */
  allRows: () => Promise<Record<string, number>>;
}

/** Every table a write may touch; each half of the subgraph lists its own. */
export const TABLES = [...DISPLACEMENT_TABLES, ...TRANSHUMANCE_TABLES, 'audit_log'] as const;

/**
 * The displacement subgraph over HTTP on a fresh migrated database, beside a real directory holding its demo
 * organisations and communities: its own, or the one given (end-to-end tests share one directory
 * between subgraphs; its owner stops it).
 */
export async function startDisplacement(options: { directory?: DirectoryUnderTest } = {}): Promise<DisplacementUnderTest> {
  const served = await serveBesideDirectory(subgraph, { given: options.directory, start: startDemoDirectory });
  return {
    ...served,
    owner: await served.as(OWNER, 'displacement:write displacement:sensitive', 'officer-1'),
    allRows: () => served.countRows(TABLES),
  };
}
