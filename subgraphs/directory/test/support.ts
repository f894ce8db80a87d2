import type { DataSource } from 'typeorm';
import { serveSubgraphForTest, subgraphTestDatabase, type Client, type ServedForTest, type TestDatabase } from '@peacegraph/kit/testing';
import { seedDemoData } from '../src/seed/demo';
import { subgraph } from '../src/subgraph';

/** Organisations every directory test database has: two partners and the platform. */
export const ORGS = {
  platform: '00000000-0000-4000-8000-000000000001',
  educators: '00000000-0000-4000-8000-0000000000a1',
  mediators: '00000000-0000-4000-8000-0000000000b2',
} as const;

export interface DirectoryUnderTest extends ServedForTest {
  db: TestDatabase;
  /** The educators' staff with directory:write. */
  writer: Client;
}

/** A fresh migrated directory database with the reference data and the tests' two partners. */
export function createDirectoryDatabase(more: (dataSource: DataSource) => Promise<unknown> = async () => {}): Promise<TestDatabase> {
  return subgraphTestDatabase(subgraph, async (dataSource) => {
    await dataSource.query(
      // The platform's own organisation comes with the reference data.
      `INSERT INTO organisation (id, name, acronym, kind, country_codes, domains) VALUES
         ($1, 'Village Educators Network', 'VEN', 'NGO', '{SN,GM,ML}', '{CURRICULUM}'),
         ($2, 'Sahel Mediators', 'SM', 'CSO_NETWORK', '{ML,BF,NE}', '{CONFLICTS}')`,
      [ORGS.educators, ORGS.mediators],
    );
    await more(dataSource);
  });
}

/** A real directory subgraph over HTTP, on a fresh migrated database with the reference data. */
export async function startDirectory(options: { keptAnswersBudget?: number } = {}): Promise<DirectoryUnderTest> {
  // The directory is its own identity store: the URL it is given to ask is never used.
  const served = await serveSubgraphForTest(subgraph, {
    directoryUrl: 'http://directory.invalid/graphql',
    db: await createDirectoryDatabase(),
    ...options,
  });
  return { ...served, writer: await served.as(ORGS.educators, 'directory:write') };
}

/** A real directory with its demo organisations and communities: what the other subgraphs' tests ask. */
export async function startDemoDirectory(): Promise<DirectoryUnderTest> {
  const directory = await startDirectory();
  await seedDemoData(directory.db.dataSource);
  return directory;
}

/** An admin-2 area with its region and country, as the directory's reference data has it. */
export interface AreaOfRegion {
  pcode: string;
  region: string;
  country_code: string;
}

/** The first `count` admin-2 areas of Mali, Burkina Faso and Niger by P-code: where volume tests spread their rows. */
export function sahelAreas(directory: DirectoryUnderTest, count: number): Promise<AreaOfRegion[]> {
  return directory.db.dataSource.query(
    `SELECT a.pcode, p.pcode AS region, a.country_code FROM admin_area a JOIN admin_area p ON p.pcode = a.parent_pcode
     WHERE a.level = 2 AND a.country_code IN ('ML', 'BF', 'NE') ORDER BY a.pcode LIMIT $1`,
    [count],
  );
}
