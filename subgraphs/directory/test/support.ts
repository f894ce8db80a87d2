import type { DataSource } from 'typeorm';
import { serveSubgraphForTest, subgraphTestDatabase, type Client, type ServedForTest, type TestDatabase } from '@peacegraph/kit/testing';
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
export async function startDirectory(): Promise<DirectoryUnderTest> {
  // The directory is its own identity store: the URL it is given to ask is never used.
  const served = await serveSubgraphForTest(subgraph, {
    directoryUrl: 'http://directory.invalid/graphql',
    db: await createDirectoryDatabase(),
  });
  return { ...served, writer: await served.as(ORGS.educators, 'directory:write') };
}
