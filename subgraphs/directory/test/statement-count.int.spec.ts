import { startDirectory, type DirectoryUnderTest } from './support';

let directory: DirectoryUnderTest;
beforeAll(async () => {
  directory = await startDirectory();
});
afterAll(() => directory.stop());

const LIST = `{ communities(first: 50) { edges { node { name adminArea { name parent { name } country { nameEn } } languages { name } } } } }`;

/** Inserts `count` more communities spread over distinct admin areas, languages and countries. */
async function addCommunities(count: number, offset: number): Promise<void> {
  await directory.db.dataSource.query(
    `INSERT INTO community (name, admin_pcode, country_code, language_codes)
     SELECT 'Village ' || (n + $2), area.pcode, area.country_code, ARRAY['bam', 'fuc']
     FROM generate_series(1, $1) AS n
     JOIN LATERAL (SELECT pcode, country_code FROM admin_area WHERE level = 2 ORDER BY pcode OFFSET (n + $2) % 300 LIMIT 1) area ON true`,
    [count, offset],
  );
}

async function statementsFor(query: string): Promise<number> {
  directory.db.statements.reset();
  const { errors } = await directory.request(query);
  expect(errors).toBeUndefined();
  return directory.db.statements.count;
}

describe('SQL statements per request', () => {
  it('does not grow with the number of communities listed (no N+1)', async () => {
    await addCommunities(5, 0);
    const forFive = await statementsFor(LIST);
    await addCommunities(45, 5);
    const forFifty = await statementsFor(LIST);
    const { data } = await directory.request<{ communities: { edges: unknown[] } }>(LIST);
    expect(data!.communities.edges).toHaveLength(50);
    expect(forFifty).toBe(forFive);
    // communities, admin areas, parent areas, countries, languages: one statement each.
    expect(forFifty).toBeLessThanOrEqual(5);
  });

  it('costs two statements for the communities(first: 50) { adminArea { name } } of the contract', async () => {
    expect(await statementsFor(`{ communities(first: 50) { edges { node { adminArea { name } } } } }`)).toBe(2);
  });

  it('runs the COUNT only when totalCount is asked for', async () => {
    const without = await statementsFor(`{ communities(first: 10) { edges { node { name } } } }`);
    const withCount = await statementsFor(`{ communities(first: 10) { totalCount edges { node { name } } } }`);
    expect(withCount).toBe(without + 1);
  });
});
