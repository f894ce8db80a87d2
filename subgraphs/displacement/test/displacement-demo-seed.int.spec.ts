import { ok } from './fixtures';
import { OTHER_PARTNER, startDisplacement, type DisplacementUnderTest } from './support';
import { seedDisplacementDemo } from '../src/seed/displacement';
import { DEMO_AREA_ROUNDS, DEMO_CASE_AREAS, DEMO_ROUND_DAYS_AGO, DEMO_SESSIONS } from '../src/seed/displacement-demo-data';
import { DEMO_COMMUNITIES } from '../src/seed/demo-data';

let sub: DisplacementUnderTest;
let loaded: boolean;
beforeAll(async () => {
  sub = await startDisplacement();
  const started = Date.now();
  loaded = await seedDisplacementDemo(sub.db.dataSource, sub.directory.url);
  if (process.env.DISPLACEMENT_TIMINGS) process.stdout.write(`demo seed: ${Date.now() - started} ms\n`);
}, 180_000);
afterAll(() => sub?.stop());

describe('the displacement demo data', () => {
  it('loads once, through the services (every write audited), with nothing in the future', async () => {
    expect(loaded).toBe(true);
    expect(await seedDisplacementDemo(sub.db.dataSource, sub.directory.url)).toBe(false);
    const rows = await sub.allRows();
    expect(rows).toMatchObject({
      displacement_report: DEMO_AREA_ROUNDS.length * DEMO_ROUND_DAYS_AGO.length,
      reintegration_programme: 2,
      reintegration_case: DEMO_CASE_AREAS.reduce((n, a) => n + a.cases, 0),
      awareness_session: DEMO_SESSIONS.length,
    });
    const [future] = await sub.db.dataSource.query(`SELECT
      (SELECT count(*) FROM displacement_report WHERE data_date > current_date)::int +
      (SELECT count(*) FROM reintegration_case WHERE registered_on > current_date OR status_since > current_date)::int +
      (SELECT count(*) FROM reintegration_assistance WHERE started_on > current_date)::int +
      (SELECT count(*) FROM awareness_session WHERE held_on > current_date)::int AS n`);
    expect(future.n).toBe(0);
    const [{ writes }] = await sub.db.dataSource.query(
      `SELECT count(*)::int AS writes FROM audit_log WHERE action = 'WRITE' AND actor = 'demo-seed'`,
    );
    expect(writes).toBeGreaterThan(rows.displacement_report! + rows.reintegration_case!);
  });

  it('covers the Liptako-Gourma areas, every case status and the demo communities', async () => {
    const statuses = await sub.db.dataSource.query(`SELECT status, count(*)::int AS n FROM reintegration_case GROUP BY 1 ORDER BY 1`);
    expect(statuses.map((s: { status: string }) => s.status)).toEqual(['DROPPED_OUT', 'IN_ASSISTANCE', 'REGISTERED', 'REINTEGRATED']);
    const codes = await sub.db.dataSource.query(`SELECT beneficiary_code FROM reintegration_case ORDER BY beneficiary_code LIMIT 2`);
    expect(codes.map((c: { beneficiary_code: string }) => c.beneficiary_code)).toEqual(['DDRRLG-0001', 'DDRRLG-0002']);
    const communities = await sub.db.dataSource.query(`SELECT DISTINCT community_id FROM awareness_session`);
    expect(new Set(communities.map((c: { community_id: string }) => c.community_id))).toEqual(new Set(Object.values(DEMO_COMMUNITIES)));
  });

  it('gives another partner the Sahel’s caseload by admin-2 area, with small cells withheld', async () => {
    const other = await sub.as(OTHER_PARTNER, 'displacement:write');
    const { reintegrationStats } = await ok<{
      reintegrationStats: { exact: boolean; areas: { code: string; cases: { count: number } }[]; total: { cases: { count: number } } };
    }>(
      other,
      `{ reintegrationStats(level: ADMIN2, breakdown: STATUS) { exact areas { code cases { count } byKey { key cases { count suppressed } } } total { cases { count } } } }`,
    );
    expect(reintegrationStats.exact).toBe(false);
    expect(reintegrationStats.areas.map((a) => [a.code, a.cases.count])).toEqual(DEMO_CASE_AREAS.map((a) => [a.pcode, a.cases]).sort());
    expect(reintegrationStats.total.cases.count).toBe(48);
  });
});
