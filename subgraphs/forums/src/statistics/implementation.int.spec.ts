import type { DataSource } from 'typeorm';
import { COMMUNITIES, startStack, type StackUnderTest } from '../../test/support';
import { createDeclaration, createForum } from '../../test/fixtures';
import type { RecommendationFilter } from '../recommendation/recommendation.repository';
import { RECOMMENDATION_ADDRESSEES, RECOMMENDATION_THEMES } from '../common/values';
import { Conditions } from '../common/sql-conditions';
import {
  IMPLEMENTATION_GROUPINGS,
  IMPLEMENTATION_INTERVALS,
  ImplementationRepository,
  type ImplementationGrouping,
  type ImplementationInterval,
} from './statistics.repository';

/**
 * The implementation series in one pass (events added up period by period) against the statement it
 * replaced, which asked every period end of every recommendation: the same rows on generated data —
 * drafts, reports on the same day, recommendations adopted before `from` and after `to` — and again
 * after corrections (themes and addressees changed, drafts published, reports added) and deletions.
 */
let stack: StackUnderTest;
let db: DataSource;
let repository: ImplementationRepository;
const forums: string[] = [];

/** The statement before issue 19, kept here as the reference: periods × recommendations. */
function reference(
  filter: RecommendationFilter,
  groupBy: ImplementationGrouping,
  interval: ImplementationInterval,
  from: string,
  to: string,
) {
  const params: unknown[] = [];
  const unit = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' }[interval];
  const step = { MONTH: '1 month', QUARTER: '3 months', YEAR: '1 year' }[interval];
  const periods = new Conditions(params);
  const [fromParam, toParam, stepParam] = [periods.param(from, 'date'), periods.param(to, 'date'), periods.param(step, 'interval')];
  const recommendations = new Conditions(params).add('r.published_on IS NOT NULL').recommendation('r', filter);
  return db.query(
    `WITH periods AS (
       SELECT p::date AS starts, least((p + ${stepParam})::date - 1, ${toParam}) AS ends
       FROM generate_series(date_trunc('${unit}', ${fromParam}::timestamp), ${toParam}::timestamp, ${stepParam}) AS p
     ),
     recs AS (SELECT r.id, ${groupBy === 'THEME' ? 'r.theme' : 'r.addressee'} AS key, r.adopted_on FROM recommendation r WHERE ${recommendations.where()}),
     spans AS (
       SELECT f.recommendation_id, f.to_status, f.reported_on AS since,
              lead(f.reported_on) OVER (PARTITION BY f.recommendation_id ORDER BY f.reported_on, f.created_at) AS until
       FROM recommendation_follow_up f WHERE f.recommendation_id IN (SELECT id FROM recs)
     ),
     adopted AS (SELECT p.starts, recs.key, count(*)::int AS recommendations FROM periods p JOIN recs ON recs.adopted_on <= p.ends GROUP BY p.starts, recs.key),
     standing AS (
       SELECT p.starts, recs.key,
              (count(*) FILTER (WHERE s.to_status = 'IN_PROGRESS'))::int AS in_progress,
              (count(*) FILTER (WHERE s.to_status = 'IMPLEMENTED'))::int AS implemented,
              (count(*) FILTER (WHERE s.to_status = 'REJECTED'))::int AS rejected
       FROM periods p JOIN spans s ON s.since <= p.ends AND (s.until IS NULL OR s.until > p.ends) JOIN recs ON recs.id = s.recommendation_id
       GROUP BY p.starts, recs.key
     )
     SELECT p.starts::text AS starts, p.ends::text AS ends, a.key, a.recommendations,
            coalesce(s.in_progress, 0) AS "inProgress", coalesce(s.implemented, 0) AS implemented, coalesce(s.rejected, 0) AS rejected
     FROM periods p JOIN adopted a ON a.starts = p.starts LEFT JOIN standing s ON s.starts = p.starts AND s.key = a.key
     ORDER BY p.starts, a.key`,
    params,
  );
}

/** 1,200 recommendations over two declarations (Mali, Burkina Faso), 1 in 10 a draft, 0–3 reports each, 1 in 5 on the day of the one before. */
async function generate(declarations: string[]) {
  await db.query(
    `INSERT INTO recommendation (owner_org, created_by, declaration_id, forum_id, number, theme, addressee, language, adopted_on, published_on, status)
     SELECT d.owner_org, 'implementation-spec', d.id, d.forum_id, 100 + n, ($2::text[])[1 + abs(hashtext('t' || n)) % cardinality($2::text[])],
            ($3::text[])[1 + abs(hashtext('a' || n)) % cardinality($3::text[])], 'fra', DATE '2022-06-01' + abs(hashtext('d' || n)) % 1200,
            CASE WHEN n % 10 = 0 THEN NULL ELSE DATE '2022-06-01' + abs(hashtext('d' || n)) % 1200 + 10 END, 'PENDING'
     FROM generate_series(1, 1200) AS n JOIN declaration d ON d.id = ($1::uuid[])[1 + n % 2]`,
    [declarations, [...RECOMMENDATION_THEMES], [...RECOMMENDATION_ADDRESSEES]],
  );
  await addReports(`created_by = 'implementation-spec'`, 'r');
}

/** Reports, one step at a time so that same-day reports keep their order (created_at). */
async function addReports(which: string, salt: string) {
  for (const step of [1, 2, 3]) {
    await db.query(
      `INSERT INTO recommendation_follow_up (recommendation_id, from_status, to_status, reported_on, evidence, reporter, owner_org, created_by)
       SELECT r.id, r.status, s.status, coalesce(r.status_since, r.adopted_on) + CASE WHEN h % 5 = 0 THEN 0 ELSE 1 + h % 200 END,
              'Rapport', 'Comité de suivi', r.owner_org, 'implementation-spec'
       FROM (SELECT r.*, abs(hashtext('${salt}' || r.id || ${step})) AS h FROM recommendation r WHERE ${which}) r
       CROSS JOIN LATERAL (SELECT (ARRAY['IN_PROGRESS', 'IMPLEMENTED', 'REJECTED'])[1 + r.h % 3] AS status) s
       WHERE r.h % 4 >= ${step} AND r.status <> 'IMPLEMENTED'`,
    );
    await db.query(
      `UPDATE recommendation r SET status = f.to_status, status_since = f.reported_on
       FROM (SELECT DISTINCT ON (recommendation_id) recommendation_id, to_status, reported_on FROM recommendation_follow_up
             ORDER BY recommendation_id, reported_on DESC, created_at DESC) f
       WHERE f.recommendation_id = r.id AND ${which.replace(/\b(created_by|published_on)\b/g, 'r.$1')}`,
    );
  }
}

const CASES: [RecommendationFilter, string, string][] = [
  [{}, '2023-01-01', '2025-12-31'],
  [{}, '2022-11-15', '2025-10-09'],
  [{}, '2018-01-01', '2019-06-30'], // before every adoption
  [{}, '2026-02-01', '2026-12-31'], // after every report: the last standing
  [{ country: 'BF' }, '2023-03-03', '2025-07-17'],
  [{ theme: 'SECURITY', addressee: 'GOVERNMENT' }, '2022-06-01', '2025-12-31'],
  [{ status: 'IN_PROGRESS' }, '2023-01-01', '2025-06-30'],
  [{ adoptedFrom: '2024-01-01', adoptedTo: '2024-12-31' }, '2023-01-01', '2025-12-31'],
];

async function expectSameAsReference() {
  let rows = 0;
  const filters = [...CASES, [{ forum: forums[1] }, '2023-01-01', '2025-12-31'] as (typeof CASES)[number]];
  for (const [filter, from, to] of filters)
    for (const groupBy of IMPLEMENTATION_GROUPINGS)
      for (const interval of IMPLEMENTATION_INTERVALS) {
        if (interval === 'MONTH' && from < '2022-01-01') continue; // more than 120 months
        const expected = await reference(filter, groupBy, interval, from, to);
        expect({ filter, groupBy, interval, from, to, rows: await repository.standing(filter, groupBy, interval, from, to) }).toEqual({
          filter,
          groupBy,
          interval,
          from,
          to,
          rows: expected,
        });
        rows += expected.length;
      }
  return rows;
}

beforeAll(async () => {
  stack = await startStack();
  db = stack.forums.db.dataSource;
  repository = new ImplementationRepository(db);
  const { owner } = stack.forums;
  forums.push((await createForum(owner)).id);
  forums.push(
    (
      await createForum(owner, {
        title: 'Forum communal de Dori',
        scope: 'LOCAL',
        venue: { community: COMMUNITIES.dori },
        countriesRepresented: [],
        coConvenors: [],
      })
    ).id,
  );
  const declarations = [(await createDeclaration(owner, forums[0]!)).id, (await createDeclaration(owner, forums[1]!)).id];
  await generate(declarations);
});
afterAll(() => stack.stop());

describe('implementation series in one pass', () => {
  it('has the reference statement’s rows on generated data', async () => {
    const [counted] = (await db.query(`SELECT count(*)::int AS reports FROM recommendation_follow_up`)) as { reports: number }[];
    expect(counted!.reports).toBeGreaterThan(1000);
    expect(await expectSameAsReference()).toBeGreaterThan(1000);
  });

  it('still has them after corrections: themes and addressees changed, drafts published, reports added', async () => {
    await db.query(
      `UPDATE recommendation SET theme = 'MEDIA', addressee = 'COMMUNITIES' WHERE created_by = 'implementation-spec' AND number % 7 = 0`,
    );
    await db.query(`UPDATE recommendation SET published_on = adopted_on + 3 WHERE published_on IS NULL AND number % 20 = 0`);
    await addReports(`created_by = 'implementation-spec' AND number % 3 = 0`, 'again');
    expect(await expectSameAsReference()).toBeGreaterThan(1000);
  });

  it('still has them after deletions of reports and recommendations', async () => {
    await db.query(`DELETE FROM recommendation_follow_up WHERE recommendation_id IN (SELECT id FROM recommendation WHERE number % 11 = 0)`);
    await db.query(
      `DELETE FROM recommendation_follow_up f USING recommendation r WHERE r.id = f.recommendation_id AND r.number % 13 = 0 AND f.reported_on > r.adopted_on + 100`,
    );
    await db.query(
      `DELETE FROM recommendation WHERE number % 17 = 0 AND id NOT IN (SELECT recommendation_id FROM recommendation_follow_up)`,
    );
    expect(await expectSameAsReference()).toBeGreaterThan(1000);
  });
});
