import { serveBesideDirectory, type Client, type ServedForTest, type TestDatabase } from '@peacegraph/kit/testing';
import { ORGS, startDirectory, type DirectoryUnderTest } from '../../directory/test/support';
import { subgraph } from '../src/subgraph';

export { ORGS };

export interface CurriculumUnderTest extends ServedForTest {
  db: TestDatabase;
  /** A real directory subgraph: communities, languages, organisations and callers' identities. */
  directory: DirectoryUnderTest;
  /** The educators' staff with curriculum:write: the owner of what the tests record. */
  owner: Client;
}

/**
 * The curriculum subgraph over HTTP on a fresh migrated database, beside a real directory: its own,
 * or the one given (end-to-end tests share one directory between subgraphs; its owner stops it).
 */
export async function startCurriculum(options: { directory?: DirectoryUnderTest } = {}): Promise<CurriculumUnderTest> {
  const served = await serveBesideDirectory(subgraph, { given: options.directory, start: startDirectory });
  return { ...served, owner: await served.as(ORGS.educators, 'curriculum:write') };
}
