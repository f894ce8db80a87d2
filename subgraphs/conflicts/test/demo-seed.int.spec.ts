import { createDirectoryClient } from '@peacegraph/kit/input';
import { CASE_STATUSES, CONFLICT_TYPES } from '../src/common/values';
import { DEMO_COMMISSIONS, DEMO_OWNER_ORGANISATION_ID } from '../src/seed/demo-data';
import { directoryReady, seedDemoData } from '../src/seed/demo';
import { addToCaseFiguresSql } from '../src/statistics/case-figures.repository';
import { startStack, type StackUnderTest } from './support';

let stack: StackUnderTest;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

describe('demo data', () => {
  it('loads nine commissions and a few hundred cases once, through the services, a few statements a write', async () => {
    const { dataSource, statements } = stack.conflicts.db;
    statements.reset();
    const started = Date.now();
    expect(await seedDemoData(dataSource, createDirectoryClient(stack.directory.url))).toBe(true);
    const ms = Date.now() - started;
    const counts = await stack.conflicts.allRows();
    process.stdout.write(`demo seed: ${counts.conflict_case} cases in ${ms} ms, ${statements.count} statements\n`);
    expect(counts.peace_commission).toBe(DEMO_COMMISSIONS.length);
    expect(counts.conflict_case).toBe(DEMO_COMMISSIONS.reduce((n, c) => n + c.cases, 0));
    // Each write is one case's, through the services a request reaches: its reads, its transaction and
    // its audit row, whatever the number of cases.
    expect(statements.count).toBeLessThan(10 * counts.audit_log!);
    expect(await seedDemoData(dataSource, createDirectoryClient(stack.directory.url))).toBe(false);
    expect(await stack.conflicts.rows('conflict_case')).toBe(counts.conflict_case);
  }, 240_000);

  it('spreads cases over every status, type and level, owned by the network, with histories that agree with the cases', async () => {
    const { dataSource } = stack.conflicts.db;
    const statuses = (await dataSource.query(`SELECT DISTINCT status FROM conflict_case`)) as { status: string }[];
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(CASE_STATUSES));
    const types = (await dataSource.query(`SELECT DISTINCT type FROM conflict_case`)) as { type: string }[];
    expect(new Set(types.map((t) => t.type))).toEqual(new Set(CONFLICT_TYPES));
    expect(await dataSource.query(`SELECT DISTINCT owner_org FROM conflict_case`)).toEqual([{ owner_org: DEMO_OWNER_ORGANISATION_ID }]);
    // Every case's last history entry is its status, dated its statusSince; no entry runs backwards.
    expect(
      await dataSource.query(`
        SELECT count(*)::int AS n FROM conflict_case c
        JOIN LATERAL (SELECT to_status, changed_on FROM case_status_change h WHERE h.case_id = c.id ORDER BY changed_on DESC, created_at DESC LIMIT 1) last ON true
        WHERE last.to_status <> c.status OR last.changed_on <> c.status_since`),
    ).toEqual([{ n: 0 }]);
    expect(
      await dataSource.query(`
        SELECT count(*)::int AS n FROM (
          SELECT changed_on < lag(changed_on) OVER (PARTITION BY case_id ORDER BY created_at) AS backwards FROM case_status_change
        ) h WHERE backwards`),
    ).toEqual([{ n: 0 }]);
    const relapsed = (await dataSource.query(`SELECT count(*)::int AS n FROM conflict_case WHERE ever_relapsed`)) as { n: number }[];
    expect(relapsed[0]!.n).toBeGreaterThan(5);
  });

  it('counts every write of the demo cases in the statistics rollup exactly as grouping the cases does', async () => {
    const { dataSource } = stack.conflicts.db;
    const order = `ORDER BY month, country_code, admin_pcode, admin1_pcode, admin2_pcode NULLS FIRST, owner_org, resolution_days NULLS FIRST`;
    // Deltas may leave a row at zero where every case left it; grouping the cases makes none.
    const kept = (await dataSource.query(`SELECT * FROM case_figures WHERE reported <> 0 ${order}`)) as Record<string, unknown>[];
    const rebuilt = await dataSource
      .transaction(async (manager) => {
        await manager.query(`DELETE FROM case_figures`);
        await manager.query(addToCaseFiguresSql('true'));
        const rows = (await manager.query(`SELECT * FROM case_figures ${order}`)) as Record<string, unknown>[];
        throw Object.assign(new Error('compared, so rolled back'), { rows });
      })
      .catch((error: { rows?: Record<string, unknown>[] }) => error.rows);
    expect(rebuilt).toEqual(kept);
    const [all] = (await dataSource.query(`SELECT sum(reported)::int AS n FROM case_figures WHERE month = '-infinity'`)) as { n: number }[];
    expect(all!.n).toBe(await stack.conflicts.rows('conflict_case'));
  });

  it('waits for a directory that holds the demo communities before loading', async () => {
    expect(await directoryReady(stack.directory.url)).toBe('ready');
    expect(await directoryReady('http://127.0.0.1:9/graphql')).toBe('unreachable');
  });
});
