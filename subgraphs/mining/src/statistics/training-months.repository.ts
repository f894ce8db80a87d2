import type { DataSource, EntityManager } from 'typeorm';
import { cutAtWholeMonths, idEquals, numberedBinder, withinArea, type Bind } from '@peacegraph/kit/sql';
import { trainingConditions, type TrainingFilter } from '../training/training.filter';
import type { KnowledgeGainGrouping, KnowledgeRow, PeopleRow, PeopleTrainedGrouping, PeopleTrainedRows } from './statistics.repository';

/**
 * The monthly rollup of trainings (table training_month): per owner organisation, place, kind of training,
 * month started and stakeholder group, the trainings, the people by sex and not broken down, and the
 * knowledge scores as sums (trainings measured, people assessed, their percentages summed before and
 * after). The place is kept at three levels, each a set of rows of its own: the country (level 0), the
 * region (1) and the training's own admin area (2), so that the figures of everything read a few hundred
 * rows, those by region a few thousand, and those of an area (a P-code prefix) the rows of that area.
 * Beside the groups, the row of group '*' holds each training once (people of all its groups, people
 * counted only in a total, and whether any group was assessed): what a count of distinct trainings needs.
 */

/** A set of rollup rows recomputed as one: everything an owner's trainings of one kind started in a month in a country. */
export interface TrainingMonthKey {
  ownerOrg: string;
  countryCode: string;
  kind: string;
  /** Any day of the month, 'YYYY-MM-DD'. */
  startsOn: string;
}

export const TRAINING_MONTH_COLUMNS =
  'area_level, owner_org, country_code, admin1_pcode, admin_pcode, kind, month, stakeholder_group, ' +
  'trainings, women, men, not_broken_down, trainings_measured, assessed, pre_sum, post_sum';

const KEY_COLUMNS = 'area_level, owner_org, country_code, kind, month, admin1_pcode, admin_pcode, stakeholder_group';

/**
 * Rollup rows of the trainings `from` and `where` select (alias t), at the three levels. Percentages are
 * each group's people assessed times its mean as a fraction of the training's scale, exactly the terms
 * the raw figures add up; `* 100` comes when they are read.
 */
export function trainingMonthRowsSql(from: string, where: string): string {
  return `SELECT CASE GROUPING(m.admin1_pcode, m.admin_pcode) WHEN 3 THEN 0 WHEN 1 THEN 1 ELSE 2 END AS area_level,
            m.owner_org, m.country_code, coalesce(m.admin1_pcode, '') AS admin1_pcode, coalesce(m.admin_pcode, '') AS admin_pcode,
            m.kind, m.month, under.stakeholder_group,
            count(DISTINCT m.id)::int AS trainings, sum(m.women)::int AS women, sum(m.men)::int AS men,
            sum(m.not_broken_down)::int AS not_broken_down,
            (count(DISTINCT m.id) FILTER (WHERE m.assessed IS NOT NULL))::int AS trainings_measured,
            coalesce(sum(m.assessed), 0)::int AS assessed, coalesce(sum(m.pre), 0)::float8 AS pre_sum, coalesce(sum(m.post), 0)::float8 AS post_sum
     FROM (
       SELECT t.id, t.owner_org, t.country_code, t.admin1_pcode, t.admin_pcode, t.kind, date_trunc('month', t.starts_on)::date AS month,
              coalesce(p.stakeholder_group, 'NOT_BROKEN_DOWN') AS stakeholder_group,
              coalesce(p.women, 0) AS women, coalesce(p.men, 0) AS men,
              CASE WHEN p.training_id IS NULL THEN t.participants_total ELSE 0 END AS not_broken_down,
              CASE WHEN t.score_scale_max IS NOT NULL THEN p.assessed END AS assessed,
              CASE WHEN t.score_scale_max IS NOT NULL THEN p.assessed * (p.mean_pre_score - t.score_scale_min) / (t.score_scale_max - t.score_scale_min) END AS pre,
              CASE WHEN t.score_scale_max IS NOT NULL THEN p.assessed * (p.mean_post_score - t.score_scale_min) / (t.score_scale_max - t.score_scale_min) END AS post
       FROM ${from} LEFT JOIN training_participant_group p ON p.training_id = t.id
       ${where ? `WHERE ${where}` : ''}
     ) m CROSS JOIN LATERAL (VALUES (m.stakeholder_group), ('*')) AS under(stakeholder_group)
     GROUP BY GROUPING SETS (
       (m.owner_org, m.country_code, m.kind, m.month, under.stakeholder_group),
       (m.owner_org, m.country_code, m.admin1_pcode, m.kind, m.month, under.stakeholder_group),
       (m.owner_org, m.country_code, m.admin1_pcode, m.admin_pcode, m.kind, m.month, under.stakeholder_group)
     )`;
}

/**
 * Recomputes the rollup rows of the keys `keys` selects (columns owner_org, country_code, kind, month)
 * from the trainings themselves: two statements to run in order, in one transaction, with the same
 * parameters. The first removes the keys' rows (through the primary key, level by level), the second
 * writes what the keys' trainings count now (each key's trainings through the owner's index on the start,
 * whatever the planner guesses of the number of keys). The subgraph's writes, its migration and the
 * bench's generator all use them.
 */
export function refreshTrainingMonthsSql(keys: string): [removeRows: string, writeRows: string] {
  const k = `k AS MATERIALIZED (
       SELECT DISTINCT owner_org::uuid AS owner_org, country_code::char(2) AS country_code, kind::text AS kind, date_trunc('month', month)::date AS month
       FROM (${keys}) AS given(owner_org, country_code, kind, month))`;
  return [
    `WITH ${k}
     DELETE FROM training_month r USING k, (VALUES (0), (1), (2)) AS level(area_level)
     WHERE r.area_level = level.area_level AND r.owner_org = k.owner_org AND r.country_code = k.country_code AND r.kind = k.kind AND r.month = k.month`,
    `WITH ${k}
     INSERT INTO training_month (${TRAINING_MONTH_COLUMNS})
     SELECT ${TRAINING_MONTH_COLUMNS} FROM (${trainingMonthRowsSql(
       `k CROSS JOIN LATERAL (
          SELECT * FROM mining_training i
          WHERE i.owner_org = k.owner_org AND i.starts_on >= k.month AND i.starts_on < (k.month + interval '1 month')::date
            AND i.country_code = k.country_code AND i.kind = k.kind
        ) AS t`,
       '',
     )}) AS fresh
     ORDER BY ${KEY_COLUMNS}`,
  ];
}

/**
 * How `npm run rollups` (scripts/rollups.ts) rebuilds the rollup when trainings were written around the
 * services: with the trainings and their groups locked against writes, every row removed and the
 * migration's refresh of every key run again. The knowledge sums are floats whose last bits depend on
 * the order they were added in, so they are compared rounded.
 */
export const TRAINING_MONTHS_REBUILD = {
  sources: ['mining_training', 'training_participant_group'],
  rollups: [
    {
      table: 'training_month',
      compared: TRAINING_MONTH_COLUMNS.replace('pre_sum', 'round(pre_sum::numeric, 6)').replace('post_sum', 'round(post_sum::numeric, 6)'),
    },
  ],
  fill: refreshTrainingMonthsSql(
    `SELECT DISTINCT owner_org, country_code, kind, date_trunc('month', starts_on)::date FROM mining_training`,
  ),
};

/**
 * Brings the rollup up to date with a training's write, in its transaction (a rolled-back write leaves
 * the rollup as it was): the keys the training left (a correction of its kind or start) and the keys it
 * is in now. Each key is locked first, in one order for everyone, so that two writes of one key run one
 * after the other and the second recomputes with the first's trainings committed (read committed: the
 * statements after the lock see them). Three statements, whatever the training.
 */
export async function refreshTrainingMonths(manager: EntityManager, keys: readonly TrainingMonthKey[]): Promise<void> {
  const distinct = [...new Map(keys.map((k) => [lockName(k), k])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtextextended(name, 0)) FROM (SELECT name FROM unnest($1::text[]) WITH ORDINALITY AS n(name, i) ORDER BY i) AS ordered`,
    [distinct.map(([name]) => name)],
  );
  const list = distinct.map(([, k]) => k);
  const params = [list.map((k) => k.ownerOrg), list.map((k) => k.countryCode), list.map((k) => k.kind), list.map((k) => k.startsOn)];
  for (const statement of refreshTrainingMonthsSql(`SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[])`))
    await manager.query(statement, params);
}

function lockName(key: TrainingMonthKey): string {
  return `training_month:${key.ownerOrg}:${key.countryCode}:${key.kind}:${key.startsOn.slice(0, 7)}`;
}

/** Filters the rollup answers: the rest (a community, site, trainer, instrument, provision, ECPF component) need the trainings. */
export function rollupAnswers(filter: TrainingFilter, groupBy: PeopleTrainedGrouping | KnowledgeGainGrouping | null): boolean {
  const needsTrainings = filter.community || filter.site || filter.trainer || filter.instrument || filter.provision || filter.ecpfComponent;
  return !needsTrainings && groupBy !== 'COMMUNITY' && groupBy !== 'PROVISION';
}

const PEOPLE_KEY: Record<Exclude<PeopleTrainedGrouping, 'COMMUNITY' | 'PROVISION'> | 'ALL', string> = {
  ALL: `'all'`,
  REGION: 'r.admin1_pcode',
  COUNTRY: 'r.country_code::text',
  STAKEHOLDER_GROUP: 'r.stakeholder_group',
  TRAINING_KIND: 'r.kind',
  YEAR: `to_char(r.month, 'YYYY')`,
};

const KNOWLEDGE_KEY: Record<KnowledgeGainGrouping, string> = {
  STAKEHOLDER_GROUP: 'r.stakeholder_group',
  TRAINING_KIND: 'r.kind',
  REGION: 'r.admin1_pcode',
};

/**
 * The figures from the rollup, with the same rows the raw statements give (statistics.repository.ts):
 * whole months of the period from the rollup, days of a month cut by either end of the period from the
 * trainings themselves (as rollup rows computed on the fly), at the coarsest level that answers.
 */
export class TrainingMonthRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * People trained per group and in all, in one statement: the groups (none without grouping) from their
   * rows, the total (no row when nothing is counted, as the raw statement) from the trainings' rows.
   */
  async peopleTrained(filter: TrainingFilter, groupBy: PeopleTrainedGrouping | null, viewerOrg: string): Promise<PeopleTrainedRows> {
    const { bind, params } = numberedBinder();
    const rows = trainingMonthRows(filter, groupBy === 'REGION' ? 1 : 0, bind);
    const viewer = bind(viewerOrg);
    const figures = `sum(r.women)::int AS women, sum(r.men)::int AS men, sum(r.not_broken_down)::int AS "notBrokenDown",
              sum(r.trainings)::int AS trainings, bool_and(r.owner_org = ${viewer}) AS own`;
    const groups = groupBy
      ? `SELECT ${PEOPLE_KEY[groupBy as keyof typeof PEOPLE_KEY]} AS key, 0 AS overall, ${figures}
         FROM r WHERE r.stakeholder_group ${groupBy === 'STAKEHOLDER_GROUP' ? `<> '*'` : `= '*'`} AND r.trainings > 0
         GROUP BY 1
         UNION ALL `
      : '';
    const result: (PeopleRow & { overall: number })[] = await this.dataSource.query(
      `WITH r AS MATERIALIZED (${rows})
       ${groups}SELECT 'all' AS key, 1 AS overall, ${figures} FROM r WHERE r.stakeholder_group = '*' AND r.trainings > 0 GROUP BY 1
       ORDER BY 2, 1`,
      params,
    );
    const strip = ({ overall: _, ...row }: PeopleRow & { overall: number }): PeopleRow => row;
    return { groups: result.filter((r) => r.overall === 0).map(strip), total: result.filter((r) => r.overall === 1).map(strip) };
  }

  async knowledgeGain(filter: TrainingFilter, groupBy: KnowledgeGainGrouping, viewerOrg: string): Promise<KnowledgeRow[]> {
    const { bind, params } = numberedBinder();
    const rows = trainingMonthRows(filter, groupBy === 'REGION' ? 1 : 0, bind);
    const viewer = bind(viewerOrg);
    const figures = `coalesce(sum(r.trainings_measured), 0)::int AS trainings, sum(r.assessed)::int AS assessed,
              sum(r.pre_sum) * 100 AS "preSum", sum(r.post_sum) * 100 AS "postSum", coalesce(bool_and(r.owner_org = ${viewer}), true) AS own`;
    // Groups from the groups' rows (or the trainings' rows by kind or region); all together from the trainings' rows,
    // one row even when nothing was measured, as the raw statement's empty grouping set gives.
    const result: (KnowledgeRow & { overall: number })[] = await this.dataSource.query(
      `WITH r AS MATERIALIZED (${rows})
       SELECT ${KNOWLEDGE_KEY[groupBy]} AS key, 0 AS overall, ${figures}
       FROM r WHERE r.trainings_measured > 0 AND r.stakeholder_group ${groupBy === 'STAKEHOLDER_GROUP' ? `<> '*'` : `= '*'`}
       GROUP BY 1
       UNION ALL
       SELECT NULL, 1, ${figures} FROM r WHERE r.trainings_measured > 0 AND r.stakeholder_group = '*'
       ORDER BY 2 DESC, 1`,
      params,
    );
    return result.map(({ overall, ...row }) => ({ ...row, key: overall === 1 ? null : row.key }));
  }
}

/**
 * Rollup rows of the filter at `coarsest` level (2 when an area is asked), whole months and cut days
 * together: a SELECT of TRAINING_MONTH_COLUMNS to group as the figures need.
 */
export function trainingMonthRows(filter: TrainingFilter, coarsest: 0 | 1, bind: Bind): string {
  const level = filter.adminArea ? 2 : coarsest;
  const cut = cutAtWholeMonths(filter.from, filter.to);
  const parts: string[] = [];
  const edges: [string, string][] = [];
  if (cut.from !== null && cut.from !== cut.wholeMonthsFrom) edges.push([cut.from, cut.wholeMonthsFrom!]);
  if (cut.until !== null && cut.wholeMonthsUntil !== cut.until) edges.push([cut.wholeMonthsUntil!, cut.until]);
  // Without a whole month inside the period (the cut's two month ends meet), the days alone answer;
  // a period of no day at all (it ends before it starts) asks the empty months, never nothing.
  if (cut.wholeMonthsFrom === null || cut.wholeMonthsFrom !== cut.wholeMonthsUntil || !edges.length) {
    const where = [`area_level = ${level}`];
    if (filter.kind) where.push(`kind = ${bind(filter.kind)}`);
    if (filter.country) where.push(`country_code = ${bind(filter.country)}`);
    if (filter.adminArea) where.push(withinArea('admin_pcode', filter.adminArea, bind));
    if (filter.organisation) where.push(idEquals('owner_org', filter.organisation, bind));
    if (cut.wholeMonthsFrom) where.push(`month >= ${bind(cut.wholeMonthsFrom)}::date`);
    if (cut.wholeMonthsUntil) where.push(`month < ${bind(cut.wholeMonthsUntil)}::date`);
    parts.push(`SELECT ${TRAINING_MONTH_COLUMNS} FROM training_month WHERE ${where.join(' AND ')}`);
  }
  if (edges.length) {
    const where = trainingConditions({ ...filter, from: null, to: null }, 't', bind);
    const days = edges.map(([from, until]) => `(t.starts_on >= ${bind(from)}::date AND t.starts_on < ${bind(until)}::date)`);
    where.push(`(${days.join(' OR ')})`);
    parts.push(`SELECT ${TRAINING_MONTH_COLUMNS} FROM (${trainingMonthRowsSql('mining_training t', where.join(' AND '))}) AS cut_days
                WHERE area_level = ${level}`);
  }
  // Either whole months or days of the period: never neither.
  return parts.join(' UNION ALL ');
}
