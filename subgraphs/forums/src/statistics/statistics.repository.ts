import type { DataSource } from 'typeorm';
import type { RecommendationFilter } from '../recommendation/recommendation.repository';
import { Conditions } from '../common/sql-conditions';

export const IMPLEMENTATION_GROUPINGS = ['THEME', 'ADDRESSEE'] as const;
export type ImplementationGrouping = (typeof IMPLEMENTATION_GROUPINGS)[number];
export const IMPLEMENTATION_INTERVALS = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type ImplementationInterval = (typeof IMPLEMENTATION_INTERVALS)[number];

/** Fixed SQL per grouping and interval (never built from input). */
const GROUP_COLUMN: Record<ImplementationGrouping, string> = { THEME: 'r.theme', ADDRESSEE: 'r.addressee' };
const INTERVAL: Record<ImplementationInterval, { unit: string; step: string }> = {
  MONTH: { unit: 'month', step: '1 month' },
  QUARTER: { unit: 'quarter', step: '3 months' },
  YEAR: { unit: 'year', step: '1 year' },
};

/** Recommendations of one group as they stood at the end of one period. */
export interface StandingRow {
  /** First day of the period. */
  starts: string;
  /** Its last day, or `to` for the last period. */
  ends: string;
  key: string;
  recommendations: number;
  inProgress: number;
  implemented: number;
  rejected: number;
}

/**
 * Published recommendations over time, in one statement. A recommendation counts from its adoption;
 * its status at a date is that of its latest follow-up reported by then (PENDING before any). Each
 * follow-up holds from its date until the next one (`lead`), so each period end meets exactly one span
 * per recommendation, or none (still PENDING).
 */
export class ImplementationRepository {
  constructor(private readonly dataSource: DataSource) {}

  standing(
    filter: RecommendationFilter,
    groupBy: ImplementationGrouping,
    interval: ImplementationInterval,
    from: string,
    to: string,
  ): Promise<StandingRow[]> {
    const params: unknown[] = [];
    const { unit, step } = INTERVAL[interval];
    const periods = new Conditions(params);
    const fromParam = periods.param(from, 'date');
    const toParam = periods.param(to, 'date');
    const stepParam = periods.param(step, 'interval');
    const recommendations = new Conditions(params).add('r.published_on IS NOT NULL').recommendation('r', filter);
    return this.dataSource.query(
      `WITH periods AS (
         SELECT p::date AS starts, least((p + ${stepParam})::date - 1, ${toParam}) AS ends
         FROM generate_series(date_trunc('${unit}', ${fromParam}::timestamp), ${toParam}::timestamp, ${stepParam}) AS p
       ),
       recs AS (
         SELECT r.id, ${GROUP_COLUMN[groupBy]} AS key, r.adopted_on FROM recommendation r WHERE ${recommendations.where()}
       ),
       spans AS (
         SELECT f.recommendation_id, f.to_status, f.reported_on AS since,
                lead(f.reported_on) OVER (PARTITION BY f.recommendation_id ORDER BY f.reported_on, f.created_at) AS until
         FROM recommendation_follow_up f WHERE f.recommendation_id IN (SELECT id FROM recs)
       ),
       adopted AS (
         SELECT p.starts, recs.key, count(*)::int AS recommendations
         FROM periods p JOIN recs ON recs.adopted_on <= p.ends GROUP BY p.starts, recs.key
       ),
       standing AS (
         SELECT p.starts, recs.key,
                (count(*) FILTER (WHERE s.to_status = 'IN_PROGRESS'))::int AS in_progress,
                (count(*) FILTER (WHERE s.to_status = 'IMPLEMENTED'))::int AS implemented,
                (count(*) FILTER (WHERE s.to_status = 'REJECTED'))::int AS rejected
         FROM periods p
         JOIN spans s ON s.since <= p.ends AND (s.until IS NULL OR s.until > p.ends)
         JOIN recs ON recs.id = s.recommendation_id
         GROUP BY p.starts, recs.key
       )
       SELECT p.starts::text AS starts, p.ends::text AS ends, a.key, a.recommendations,
              coalesce(s.in_progress, 0) AS "inProgress", coalesce(s.implemented, 0) AS implemented, coalesce(s.rejected, 0) AS rejected
       FROM periods p
       JOIN adopted a ON a.starts = p.starts
       LEFT JOIN standing s ON s.starts = p.starts AND s.key = a.key
       ORDER BY p.starts, a.key`,
      params,
    );
  }
}
