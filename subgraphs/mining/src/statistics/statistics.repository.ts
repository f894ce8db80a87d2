import type { DataSource } from 'typeorm';
import { PCODE_PATTERN } from '@peacegraph/kit/server';
import { numberedBinder, withinArea, withinAreaOf, type Bind } from '@peacegraph/kit/sql';
import { trainingConditions, type TrainingFilter } from '../training/training.filter';
import { rollupAnswers, trainingMonthRows, TrainingMonthRepository } from './training-months.repository';

export type PeopleTrainedGrouping = 'COMMUNITY' | 'REGION' | 'COUNTRY' | 'STAKEHOLDER_GROUP' | 'PROVISION' | 'TRAINING_KIND' | 'YEAR';
export type KnowledgeGainGrouping = 'STAKEHOLDER_GROUP' | 'TRAINING_KIND' | 'REGION';
export type CoverageLevel = 'REGION' | 'ADMIN2';

/** `own` is true when the viewer's organisation owns every training counted in the row. */
export interface PeopleRow {
  key: string;
  women: number;
  men: number;
  notBrokenDown: number;
  trainings: number;
  own: boolean;
}

/** Rows per group, and the row of all of them (none when nothing is counted). */
export interface PeopleTrainedRows {
  groups: PeopleRow[];
  total: PeopleRow[];
}

export interface KnowledgeRow {
  /** Null for the row of all groups together. */
  key: string | null;
  trainings: number;
  assessed: number;
  /** Sums over people assessed of their group's mean score, as a percentage of the training's scale. */
  preSum: number;
  postSum: number;
  own: boolean;
}

export interface CoverageFilter {
  country?: string | null;
  adminArea?: string | null;
  from?: string | null;
  to?: string | null;
}

export interface CoverageRow {
  /** A P-code, or '*' for everything selected. */
  key: string;
  sites: number;
  sitesWithTraining: number;
  trainings: number;
  people: number;
  consultations: number;
  media: number;
  audience: number | null;
  own: boolean;
}

const PEOPLE_KEY: Record<PeopleTrainedGrouping | 'ALL', string> = {
  ALL: `'all'`,
  COMMUNITY: 't.community_id::text',
  REGION: 't.admin1_pcode',
  COUNTRY: 't.country_code::text',
  STAKEHOLDER_GROUP: `coalesce(p.stakeholder_group, 'NOT_BROKEN_DOWN')`,
  PROVISION: 'provision.id::text',
  TRAINING_KIND: 't.kind',
  YEAR: `to_char(t.starts_on, 'YYYY')`,
};

const KNOWLEDGE_KEY: Record<KnowledgeGainGrouping, string> = {
  STAKEHOLDER_GROUP: 'g.stakeholder_group',
  TRAINING_KIND: 't.kind',
  REGION: 't.admin1_pcode',
};

/**
 * The subgraph's aggregates: one statement each (or two: groups and total), however many groups. Every
 * figure says whether the viewer's organisation owns everything it counts, so that the service can
 * show it exactly or through disclosure control.
 */
export class AggregateRepository {
  private readonly months: TrainingMonthRepository;

  constructor(
    private readonly dataSource: DataSource,
    /** False: every figure from the trainings themselves (what the tests compare the rollup with). */
    private readonly useRollup = true,
  ) {
    this.months = new TrainingMonthRepository(dataSource);
  }

  /**
   * People trained per group (none without grouping) and in all, by sex and not broken down: from the
   * monthly rollup where it answers (one statement), from the trainings for a community, a site, a
   * trainer, an instrument, a provision or an ECPF component, and by community or provision (two).
   */
  async peopleTrained(filter: TrainingFilter, groupBy: PeopleTrainedGrouping | null, viewerOrg: string): Promise<PeopleTrainedRows> {
    if (this.useRollup && rollupAnswers(filter, groupBy)) return this.months.peopleTrained(filter, groupBy, viewerOrg);
    const [groups, total] = await Promise.all([
      groupBy ? this.peopleTrainedFromTrainings(filter, groupBy, viewerOrg) : Promise.resolve([] as PeopleRow[]),
      this.peopleTrainedFromTrainings(filter, null, viewerOrg),
    ]);
    return { groups, total };
  }

  /** Knowledge scores per group, and (key null) of every group together: from the rollup where it answers. */
  knowledgeGain(filter: TrainingFilter, groupBy: KnowledgeGainGrouping, viewerOrg: string): Promise<KnowledgeRow[]> {
    if (this.useRollup && rollupAnswers(filter, groupBy)) return this.months.knowledgeGain(filter, groupBy, viewerOrg);
    return this.knowledgeGainFromTrainings(filter, groupBy, viewerOrg);
  }

  /** `peopleTrained` computed from the trainings and their groups. */
  peopleTrainedFromTrainings(filter: TrainingFilter, groupBy: PeopleTrainedGrouping | null, viewerOrg: string): Promise<PeopleRow[]> {
    const { bind, params } = numberedBinder();
    const where = trainingConditions(filter, 't', bind);
    const viewer = bind(viewerOrg);
    const provisions = groupBy === 'PROVISION' ? 'CROSS JOIN LATERAL unnest(t.provision_ids) AS provision(id)' : '';
    // One pass: a training broken down by group joins its groups; one counted only in total joins none.
    return this.dataSource.query(
      `SELECT ${PEOPLE_KEY[groupBy ?? 'ALL']} AS key,
              coalesce(sum(p.women), 0)::int AS women, coalesce(sum(p.men), 0)::int AS men,
              coalesce(sum(t.participants_total) FILTER (WHERE p.training_id IS NULL), 0)::int AS "notBrokenDown",
              count(DISTINCT t.id)::int AS trainings, coalesce(bool_and(t.owner_org = ${viewer}), true) AS own
       FROM mining_training t LEFT JOIN training_participant_group p ON p.training_id = t.id ${provisions}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       GROUP BY 1 ORDER BY 1`,
      params,
    );
  }

  /** `knowledgeGain` computed from the trainings and their groups. */
  async knowledgeGainFromTrainings(filter: TrainingFilter, groupBy: KnowledgeGainGrouping, viewerOrg: string): Promise<KnowledgeRow[]> {
    const { bind, params } = numberedBinder();
    const where = [...trainingConditions(filter, 't', bind), 't.score_scale_max IS NOT NULL'];
    const viewer = bind(viewerOrg);
    const key = KNOWLEDGE_KEY[groupBy];
    const percent = (column: string) =>
      `sum(g.assessed * (g.${column} - t.score_scale_min) / (t.score_scale_max - t.score_scale_min)) * 100`;
    const rows: (KnowledgeRow & { overall: number })[] = await this.dataSource.query(
      `SELECT ${key} AS key, GROUPING(${key}) AS overall,
              count(DISTINCT t.id)::int AS trainings, sum(g.assessed)::int AS assessed,
              ${percent('mean_pre_score')} AS "preSum", ${percent('mean_post_score')} AS "postSum",
              coalesce(bool_and(t.owner_org = ${viewer}), true) AS own
       FROM mining_training t JOIN training_participant_group g ON g.training_id = t.id AND g.assessed IS NOT NULL
       WHERE ${where.join(' AND ')}
       GROUP BY GROUPING SETS ((${key}), ())
       ORDER BY 2 DESC, 1`,
      params,
    );
    return rows.map(({ overall, ...row }) => ({ ...row, key: overall === 1 ? null : row.key }));
  }

  /**
   * Map figures per region or admin-2 area, with a '*' row for everything the filter selects: each table
   * is read once and grouped, then the groups are joined on their key.
   */
  coverage(filter: CoverageFilter, level: CoverageLevel, viewerOrg: string): Promise<CoverageRow[]> {
    const { bind, params } = numberedBinder();
    const keyOf = (x: string) => (level === 'REGION' ? `${x}.admin1_pcode` : `coalesce(${x}.admin2_pcode, ${x}.admin1_pcode)`);
    const place = (x: string) => placeFilter(filter, x, bind);
    const trainingDates = dates('t.starts_on', filter, bind);
    const viewer = bind(viewerOrg);
    // Regions reached are areas of their own at region level; at admin-2 level they only reach areas.
    const mediaKeys = level === 'REGION' ? `UNION SELECT region FROM reached WHERE ${regionFilter(filter, 'region', bind)}` : '';
    // By region, the trainings' rows of the monthly rollup (each training once; its people, of its groups or
    // only in total, add up to its total); by admin-2 area, which the rollup does not keep, the trainings.
    const trainings =
      this.useRollup && level === 'REGION'
        ? `SELECT r.admin1_pcode AS key, sum(r.trainings)::int AS n, sum(r.women + r.men + r.not_broken_down)::int AS people,
                  bool_and(r.owner_org = ${viewer}) AS own
           FROM (${trainingMonthRows({ country: filter.country, adminArea: filter.adminArea, from: filter.from, to: filter.to }, 1, bind)}) r
           WHERE r.stakeholder_group = '*' GROUP BY 1`
        : `SELECT ${keyOf('t')} AS key, count(*)::int AS n, sum(t.participants_total)::int AS people, bool_and(t.owner_org = ${viewer}) AS own
           FROM mining_training t WHERE ${place('t')} AND ${trainingDates} GROUP BY 1`;
    return this.dataSource
      .query(
        // Sites with a training: the trainings' sites read once and hashed, rather than a probe per site.
        `WITH trained AS (
           SELECT DISTINCT t.site_id FROM mining_training t WHERE t.site_id IS NOT NULL AND ${trainingDates}
         ), sites AS (
           SELECT ${keyOf('s')} AS key, count(*)::int AS n, count(trained.site_id)::int AS trained
           FROM mining_site s LEFT JOIN trained ON trained.site_id = s.id WHERE ${place('s')} GROUP BY 1
         ), trainings AS (${trainings}), consultations AS (
           SELECT ${keyOf('c')} AS key, count(*)::int AS n
           FROM community_consultation c WHERE ${place('c')} AND ${dates('c.held_on', filter, bind)} GROUP BY 1
         ), reached AS (
           SELECT m.id, m.estimated_audience, region
           FROM media_intervention m CROSS JOIN LATERAL unnest(m.regions_reached) AS region
           WHERE ${mediaPlaceFilter(filter, bind)} AND ${dates('m.released_on', filter, bind)}
         ), area AS (
           SELECT key FROM sites UNION SELECT key FROM trainings UNION SELECT key FROM consultations ${mediaKeys}
         ), media AS (
           SELECT area.key, count(*)::int AS n, sum(audience)::bigint AS audience
           FROM area CROSS JOIN LATERAL (
             SELECT DISTINCT r.id, r.estimated_audience AS audience FROM reached r WHERE area.key ~>=~ r.region AND area.key ~<~ (r.region || '~')
           ) AS found
           GROUP BY area.key
         )
         SELECT * FROM (
         SELECT area.key, coalesce(sites.n, 0) AS sites, coalesce(sites.trained, 0) AS "sitesWithTraining",
                coalesce(trainings.n, 0) AS trainings, coalesce(trainings.people, 0) AS people, coalesce(trainings.own, true) AS own,
                coalesce(consultations.n, 0) AS consultations, coalesce(media.n, 0) AS media, media.audience
         FROM area LEFT JOIN sites USING (key) LEFT JOIN trainings USING (key) LEFT JOIN consultations USING (key) LEFT JOIN media USING (key)
         UNION ALL
         SELECT '*', (SELECT coalesce(sum(n), 0)::int FROM sites), (SELECT coalesce(sum(trained), 0)::int FROM sites),
                (SELECT coalesce(sum(n), 0)::int FROM trainings), (SELECT coalesce(sum(people), 0)::int FROM trainings),
                (SELECT coalesce(bool_and(own), true) FROM trainings), (SELECT coalesce(sum(n), 0)::int FROM consultations),
                (SELECT count(*)::int FROM (SELECT DISTINCT id FROM reached) AS all_reached),
                (SELECT sum(estimated_audience)::bigint FROM (SELECT DISTINCT id, estimated_audience FROM reached) AS all_reached)
         ) AS figures
         ORDER BY key = '*', key`,
        params,
      )
      .then((rows: (CoverageRow & { audience: string | null })[]) =>
        rows.map((r) => ({ ...r, audience: r.audience === null ? null : Number(r.audience) })),
      );
  }

  /** Figures of each admin area and everything under it, for any number of areas: one statement. */
  areaReach(pcodes: readonly string[], filter: Pick<CoverageFilter, 'from' | 'to'>, viewerOrg: string): Promise<CoverageRow[]> {
    const { bind, params } = numberedBinder();
    const areas = bind(pcodes.filter((p) => PCODE_PATTERN.test(p)));
    const within = (x: string) => withinAreaOf(`${x}.admin_pcode`, 'k.key');
    const trainingDates = dates('t.starts_on', filter, bind);
    const viewer = bind(viewerOrg);
    return this.dataSource
      .query(
        `SELECT k.key,
                sites.n AS sites, sites.trained AS "sitesWithTraining",
                trainings.n AS trainings, trainings.people, trainings.own,
                consultations.n AS consultations,
                media.n AS media, media.audience
         FROM unnest(CAST(${areas} AS text[])) AS k(key)
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS n,
                  (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM mining_training t WHERE t.site_id = s.id AND ${trainingDates})))::int AS trained
           FROM mining_site s WHERE ${within('s')}
         ) AS sites
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS n, coalesce(sum(t.participants_total), 0)::int AS people, coalesce(bool_and(t.owner_org = ${viewer}), true) AS own
           FROM mining_training t WHERE ${within('t')} AND ${trainingDates}
         ) AS trainings
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS n FROM community_consultation c WHERE ${within('c')} AND ${dates('c.held_on', filter, bind)}
         ) AS consultations
         CROSS JOIN LATERAL (
           -- A broadcast reaches an area when it reached the region the area lies in.
           SELECT count(*)::int AS n, sum(m.estimated_audience)::bigint AS audience
           FROM media_intervention m
           WHERE EXISTS (SELECT 1 FROM unnest(m.regions_reached) AS r WHERE k.key ~>=~ r AND k.key ~<~ (r || '~'))
             AND ${dates('m.released_on', filter, bind)}
         ) AS media
         ORDER BY k.key`,
        params,
      )
      .then((rows: (CoverageRow & { audience: string | null })[]) =>
        rows.map((r) => ({ ...r, audience: r.audience === null ? null : Number(r.audience) })),
      );
  }
}

function dates(column: string, filter: Pick<CoverageFilter, 'from' | 'to'>, bind: Bind): string {
  const where = ['true'];
  if (filter.from) where.push(`${column} >= ${bind(filter.from)}`);
  if (filter.to) where.push(`${column} <= ${bind(filter.to)}`);
  return where.join(' AND ');
}

function placeFilter(filter: CoverageFilter, x: string, bind: Bind): string {
  const where = ['true'];
  if (filter.country) where.push(`${x}.country_code = ${bind(filter.country)}`);
  if (filter.adminArea) where.push(withinArea(`${x}.admin_pcode`, filter.adminArea, bind));
  return where.join(' AND ');
}

/** A region reached lies in the filter's country, in its area, or holds its area. */
function regionFilter(filter: CoverageFilter, r: string, bind: Bind): string {
  const where = ['true'];
  if (filter.country) where.push(`${r} LIKE ${bind(`${filter.country}%`)}`);
  if (filter.adminArea) {
    if (!PCODE_PATTERN.test(filter.adminArea)) throw new Error(`Not a P-code: ${filter.adminArea}`);
    const area = bind(filter.adminArea);
    where.push(`(${r} LIKE ${area} || '%' OR ${area} LIKE ${r} || '%')`);
  }
  return where.join(' AND ');
}

function mediaPlaceFilter(filter: CoverageFilter, bind: Bind): string {
  if (!filter.country && !filter.adminArea) return 'true';
  return `EXISTS (SELECT 1 FROM unnest(m.regions_reached) AS r WHERE ${regionFilter(filter, 'r', bind)})`;
}
