import { serveBesideDirectory, type Client, type ServedForTest, type TestDatabase } from '@peacegraph/kit/testing';
import { ORGS, startDemoDirectory, type DirectoryUnderTest } from '../../directory/test/support';
import { subgraph } from '../src/subgraph';
import { COMMUNITIES, ECOWAS_COMMISSION, RECONCILIATION_MINISTRY, WACSMF, demoCommunityId } from '../src/seed/demo-data';

export { ORGS };
/** The mining forum (a demo organisation of the directory) owns what the tests record; the mediators are another partner. */
export const OWNER = WACSMF;
export const OTHER_PARTNER = ORGS.mediators;
export { COMMUNITIES, ECOWAS_COMMISSION, RECONCILIATION_MINISTRY };
export const FINKOLO = demoCommunityId(3);
export const DOUENTZA = demoCommunityId(7);

export interface MiningUnderTest extends ServedForTest {
  db: TestDatabase;
  /** A real directory subgraph with its demo organisations and communities. */
  directory: DirectoryUnderTest;
  /** The forum's staff with mining:write: the owner of what the tests record. */
  owner: Client;
  /** Rows of every table a write touches, at once. */
  allRows: () => Promise<Record<string, number>>;
}

export const TABLES = [
  'legal_instrument',
  'provision',
  'mining_site',
  'community_consultation',
  'consultation_participant_group',
  'mining_training',
  'training_participant_group',
  'training_month',
  'policy_dialogue',
  'dialogue_participant_group',
  'policy_commitment',
  'commitment_status_change',
  'media_intervention',
  'publication',
  'audit_log',
] as const;

/**
 * The mining subgraph over HTTP on a fresh migrated database, beside a real directory holding its demo
 * organisations and communities: its own, or the one given (end-to-end tests share one directory
 * between subgraphs; its owner stops it).
 */
export async function startMining(options: { directory?: DirectoryUnderTest } = {}): Promise<MiningUnderTest> {
  const served = await serveBesideDirectory(subgraph, { given: options.directory, start: startDemoDirectory });
  return {
    ...served,
    owner: await served.as(OWNER, 'mining:write mining:sensitive', 'trainer-1'),
    allRows: () => served.countRows(TABLES),
  };
}
