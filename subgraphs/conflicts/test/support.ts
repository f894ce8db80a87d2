import { serveSubgraphForTest, type Client, type ServedForTest, type TestDatabase } from '@peacegraph/kit/testing';
import { subgraph } from '../src/subgraph';
import { seedDemoData as seedDirectoryDemo } from '../../directory/src/seed/demo';
import { demoCommunityId } from '../../directory/src/seed/demo-data';
import { ORGS, startDirectory, type DirectoryUnderTest } from '../../directory/test/support';

export { ORGS };
/** The test directory's peace commissions network owns the cases; the educators are another partner. */
export const OWNER = ORGS.mediators;
export const OTHER_PARTNER = ORGS.educators;

/** Demo communities of the directory (fixed ids), where the tests record commissions and cases. */
export const COMMUNITIES = {
  kalana: demoCommunityId(0),
  nampala: demoCommunityId(1),
  douentza: demoCommunityId(6),
  ansongo: demoCommunityId(7),
  djibo: demoCommunityId(8),
  dori: demoCommunityId(9),
  goromGorom: demoCommunityId(10),
  tera: demoCommunityId(11),
  ayorou: demoCommunityId(12),
} as const;

export interface ConflictsUnderTest extends ServedForTest {
  db: TestDatabase;
  /** The owner's staff: conflicts:write and conflicts:sensitive. */
  owner: Client;
  /** Rows of every table a case write touches, at once. */
  allRows: () => Promise<Record<string, number>>;
  /** Every value of those tables (versions, update times …): a refused write changes none of them. */
  allValues: () => Promise<Record<string, string[]>>;
}

export const CASE_TABLES = [
  'peace_commission',
  'conflict_case',
  'conflict_party',
  'case_status_change',
  'mediation_session',
  'referral',
  'resolution',
  'follow_up_check',
  'case_reference_sequence',
  // Statistics' rollup, counted in every case write's transaction: a refused write changes no figure.
  'case_figures',
  'audit_log',
] as const;

/** A real conflicts subgraph over HTTP, on a fresh migrated database, asking the given directory. */
export async function startConflicts(directoryUrl: string, options: { keptAnswersBudget?: number } = {}): Promise<ConflictsUnderTest> {
  const served = await serveSubgraphForTest(subgraph, { directoryUrl: directoryUrl, ...options });
  return {
    ...served,
    owner: await served.as(OWNER, 'conflicts:write conflicts:sensitive', 'mediator-1'),
    allRows: () => served.countRows(CASE_TABLES),
    allValues: () => served.tableValues(CASE_TABLES),
  };
}

export interface StackUnderTest {
  directory: DirectoryUnderTest;
  conflicts: ConflictsUnderTest;
  stop: () => Promise<void>;
}

/** A directory with its demo organisations and communities, and a conflicts subgraph asking it. */
export async function startStack(options: { keptAnswersBudget?: number } = {}): Promise<StackUnderTest> {
  const directory = await startDirectory();
  await seedDirectoryDemo(directory.db.dataSource);
  const conflicts = await startConflicts(directory.url, options);
  return {
    directory,
    conflicts,
    stop: async () => {
      await conflicts.stop();
      await directory.stop();
    },
  };
}
