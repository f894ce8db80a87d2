import { ok } from './fixtures';
import { startDisplacement, OWNER, type DisplacementUnderTest } from './support';

let sub: DisplacementUnderTest;
beforeAll(async () => {
  sub = await startDisplacement();
}, 120_000);
afterAll(() => sub?.stop());

describe('the displacement subgraph', () => {
  it('migrates with the earth geometry of PostgreSQL and answers its audit log', async () => {
    const extensions = await sub.db.dataSource.query(
      `SELECT extname FROM pg_extension WHERE extname IN ('cube', 'earthdistance', 'btree_gist') ORDER BY 1`,
    );
    expect(extensions.map((e: { extname: string }) => e.extname)).toEqual(['btree_gist', 'cube', 'earthdistance']);
    // 100 km between two points a degree of latitude apart, near Dori.
    const [{ metres }] = await sub.db.dataSource.query(
      `SELECT earth_distance(ll_to_earth(14.0, -0.03), ll_to_earth(15.0, -0.03)) AS metres`,
    );
    expect(Math.round(metres / 1000)).toBe(111);
    const data = await ok<{ displacementAuditLog: { totalCount: number } }>(
      sub.owner,
      `{ displacementAuditLog(first: 5) { totalCount edges { node { id } } } }`,
    );
    expect(data.displacementAuditLog.totalCount).toBe(0);
    expect(OWNER).toBe('00000000-0000-4000-8000-000000000006');
  });
});
