import { serveSubgraphForTest, type Client, type ServedForTest, type TestDatabase } from '@peacegraph/kit/testing';
import { subgraph } from '../src/subgraph';
import { seedDemoData as seedDirectoryDemo } from '../../directory/src/seed/demo';
import { demoCommunityId } from '../../directory/src/seed/demo-data';
import { ORGS, startDirectory, type DirectoryUnderTest } from '../../directory/test/support';

export { ORGS };
/** The Community Resilience Fund (a demo organisation of the directory) owns the forums of the tests. */
export const OWNER = '00000000-0000-4000-8000-000000000004';
export const OTHER_PARTNER = ORGS.educators;
/** Demo organisations that convene forums with the fund. */
export const ECOWAS = '00000000-0000-4000-8000-000000000007';
export const MINISTRY = '00000000-0000-4000-8000-000000000008';

/** Demo communities of the directory (fixed ids). */
export const COMMUNITIES = {
  kalana: demoCommunityId(0),
  douentza: demoCommunityId(6),
  djibo: demoCommunityId(8),
  dori: demoCommunityId(9),
  tera: demoCommunityId(11),
} as const;

export interface ForumsUnderTest extends ServedForTest {
  db: TestDatabase;
  /** The fund's staff: forums:write and forums:sensitive. */
  owner: Client;
  /** Rows of every table a write may touch, at once. */
  allRows: () => Promise<Record<string, number>>;
  /** Every value of those tables (versions, update times …): a refused write changes none of them. */
  allValues: () => Promise<Record<string, string[]>>;
}

export const FORUM_TABLES = [
  'forum',
  'forum_participant_group',
  'forum_participant_origin',
  'working_group',
  'testimony',
  'declaration',
  'declaration_text',
  'declaration_recipient',
  'recommendation',
  'recommendation_text',
  'recommendation_follow_up',
  'audit_log',
] as const;

/** A real forums subgraph over HTTP, on a fresh migrated database, asking the given directory. */
export async function startForums(directoryUrl: string): Promise<ForumsUnderTest> {
  const served = await serveSubgraphForTest(subgraph, { directoryUrl: directoryUrl });
  return {
    ...served,
    owner: await served.as(OWNER, 'forums:write forums:sensitive', 'rapporteur-1'),
    allRows: () => served.countRows(FORUM_TABLES),
    allValues: () => served.tableValues(FORUM_TABLES),
  };
}

export interface StackUnderTest {
  directory: DirectoryUnderTest;
  forums: ForumsUnderTest;
  stop: () => Promise<void>;
}

/** A directory with its demo organisations and communities, and a forums subgraph asking it. */
export async function startStack(): Promise<StackUnderTest> {
  const directory = await startDirectory();
  await seedDirectoryDemo(directory.db.dataSource);
  const forums = await startForums(directory.url);
  return {
    directory,
    forums,
    stop: async () => {
      await forums.stop();
      await directory.stop();
    },
  };
}
