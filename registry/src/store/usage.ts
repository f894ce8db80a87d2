import { LATENCY_BUCKETS_MS, hourOf, type UsageReport } from '@peacegraph/kit/usage';
import type { OperationUsage } from '../checks/findings';
import type { Queryable } from './queryable';

const BUCKETS = LATENCY_BUCKETS_MS.length + 1;
const LATENCY_SUMS = Array.from({ length: BUCKETS }, (_, i) => `sum(latency[${i + 1}])::bigint`).join(', ');
/** The last `days` days, today (UTC) included: a check's usage window. */
const WITHIN_DAYS = (parameter: string) => `u.day > (now() AT TIME ZONE 'UTC')::date - ${parameter}::int`;

/**
 * Adds a (validated) report to the hourly rows, in three statements whatever its size: the operations,
 * their coordinates, then the counts. Entries of one report that share a key are summed first, so a
 * report cannot make one row be updated twice by one statement.
 */
export async function ingestUsage(db: Queryable, report: UsageReport): Promise<void> {
  const entries = JSON.stringify(report.operations);
  const rows = `jsonb_to_recordset($1::jsonb) AS r(signature text, name text, document text, coordinates text[],
    "clientName" text, "clientVersion" text, "organisationId" text, hour timestamptz, count bigint, errors bigint,
    "totalMs" double precision, latency bigint[], "documentId" text)`;
  await db.query(
    `INSERT INTO operation (signature, name, document, first_seen, last_seen, document_id)
     SELECT DISTINCT ON (signature) signature, name, document, hour, hour + interval '1 hour', "documentId" FROM ${rows}
     ORDER BY signature, hour DESC, "documentId" NULLS LAST
     ON CONFLICT (signature) DO UPDATE SET last_seen = greatest(operation.last_seen, excluded.last_seen),
       first_seen = least(operation.first_seen, excluded.first_seen),
       document_id = coalesce(excluded.document_id, operation.document_id)`,
    [entries],
  );
  await db.query(
    `INSERT INTO operation_coordinate (coordinate, signature)
     SELECT DISTINCT c, signature FROM ${rows}, unnest(coordinates) AS c ON CONFLICT DO NOTHING`,
    [entries],
  );
  // The same counts per hour (the console's time series) and per day (what a check adds up).
  for (const [table, period, column] of [
    ['usage_hour', 'hour', 'hour'],
    ['usage_day', `(hour AT TIME ZONE 'UTC')::date`, 'day'],
  ] as const) {
    await db.query(
      `INSERT INTO ${table} (signature, ${column}, client_name, client_version, organisation_id, count, errors, total_ms, latency)
       SELECT signature, ${period}, coalesce("clientName", ''), coalesce("clientVersion", ''), coalesce("organisationId", ''),
         sum(count), sum(errors), sum("totalMs"), ARRAY[${LATENCY_SUMS}]
       FROM ${rows} GROUP BY 1, 2, 3, 4, 5
       ON CONFLICT (signature, ${column}, client_name, client_version, organisation_id) DO UPDATE SET
         count = ${table}.count + excluded.count,
         errors = ${table}.errors + excluded.errors,
         total_ms = ${table}.total_ms + excluded.total_ms,
         latency = ARRAY(SELECT a + b FROM unnest(${table}.latency, excluded.latency) AS t(a, b))`,
      [entries],
    );
  }
}

export async function noteReporter(db: Queryable, gateway: string, dropped: number): Promise<void> {
  await db.query(
    `INSERT INTO usage_reporter (gateway, reports, dropped) VALUES ($1, 1, $2)
     ON CONFLICT (gateway) DO UPDATE SET reports = usage_reporter.reports + 1, dropped = usage_reporter.dropped + $2, last_report_at = now()`,
    [gateway, dropped],
  );
}

/** Hourly rows older than the retention; the operations no row refers to any more go with them. */
export async function forgetUsageBefore(db: Queryable, days: number): Promise<void> {
  await db.query(`DELETE FROM usage_hour WHERE hour < now() - make_interval(days => $1)`, [days]);
  await db.query(`DELETE FROM usage_day WHERE day < (now() AT TIME ZONE 'UTC')::date - $1::int`, [days]);
  await db.query(
    `DELETE FROM operation o WHERE last_seen < now() - make_interval(days => $1)
    AND NOT EXISTS (SELECT 1 FROM usage_hour u WHERE u.signature = o.signature)`,
    [days],
  );
}

interface UsageRow {
  key: string;
  signature: string;
  name: string | null;
  document: string;
  client_name: string;
  client_version: string;
  organisation_id: string;
  count: string;
  errors: string;
  last_seen: Date;
  latency: string[] | null;
}

const GROUPED = `o.signature, o.name, o.document, u.client_name, u.client_version, u.organisation_id`;
const SUMMED = `sum(u.count)::text AS count, sum(u.errors)::text AS errors, max(o.last_seen) AS last_seen`;

/**
 * The operations of the last `days` days that use each coordinate (`Type.field`) or, for a type
 * (`Type`), any of its fields: one entry per operation, client, version and organisation.
 */
export async function operationsUsing(db: Queryable, coordinates: readonly string[], days: number): Promise<Map<string, OperationUsage[]>> {
  const fields = coordinates.filter((c) => c.includes('.'));
  const types = coordinates.filter((c) => !c.includes('.'));
  const rows: UsageRow[] = await db.query(
    `WITH wanted AS (
       SELECT coordinate AS key, signature FROM operation_coordinate WHERE coordinate = ANY($1::text[])
       UNION SELECT DISTINCT split_part(coordinate, '.', 1), signature FROM operation_coordinate
         WHERE split_part(coordinate, '.', 1) = ANY($2::text[]))
     SELECT w.key, ${GROUPED}, ${SUMMED}, NULL AS latency
     FROM wanted w JOIN operation o ON o.signature = w.signature
     JOIN usage_day u ON u.signature = w.signature AND ${WITHIN_DAYS('$3')}
     GROUP BY w.key, ${GROUPED} ORDER BY sum(u.count) DESC`,
    [fields, types, days],
  );
  const byKey = new Map<string, OperationUsage[]>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), usageOf(row)]);
  return byKey;
}

/** The most used operations of the last `days` days, with their latency percentiles. */
export async function topOperations(
  db: Queryable,
  days: number,
  client: string | null,
  first: number,
  organisationId: string | null = null,
): Promise<OperationUsage[]> {
  const sums = Array.from({ length: BUCKETS }, (_, i) => `sum(u.latency[${i + 1}])::text`).join(', ');
  const rows: UsageRow[] = await db.query(
    `SELECT '' AS key, ${GROUPED}, ${SUMMED}, ARRAY[${sums}] AS latency
     FROM usage_day u JOIN operation o ON o.signature = u.signature
     WHERE ${WITHIN_DAYS('$1')} AND ($2::text IS NULL OR u.client_name = $2) AND ($4::text IS NULL OR u.organisation_id = $4)
     GROUP BY ${GROUPED} ORDER BY sum(u.count) DESC LIMIT $3`,
    [days, client, first, organisationId],
  );
  return rows.map(usageOf);
}

export async function coordinateCounts(db: Queryable, coordinates: readonly string[], days: number) {
  const rows: { coordinate: string; count: string; operations: number }[] = await db.query(
    `SELECT c AS coordinate, coalesce(sum(u.count), 0)::text AS count, count(DISTINCT u.signature)::int AS operations
     FROM unnest($1::text[]) AS c
     LEFT JOIN operation_coordinate oc ON oc.coordinate = c
     LEFT JOIN usage_day u ON u.signature = oc.signature AND ${WITHIN_DAYS('$2')}
     GROUP BY c ORDER BY c`,
    [coordinates, days],
  );
  return rows.map((r) => ({ coordinate: r.coordinate, count: Number(r.count), operations: r.operations }));
}

function usageOf(row: UsageRow): OperationUsage {
  const latency = row.latency?.map(Number);
  return {
    signature: row.signature,
    name: row.name,
    document: row.document,
    clientName: row.client_name || null,
    clientVersion: row.client_version || null,
    organisationId: row.organisation_id || null,
    count: Number(row.count),
    errors: Number(row.errors),
    p50Ms: latency ? percentile(latency, 0.5) : null,
    p95Ms: latency ? percentile(latency, 0.95) : null,
    lastSeen: row.last_seen,
  };
}

/** The upper bound of the bucket the percentile falls in; the last bucket has none, so its lower bound. */
export function percentile(histogram: readonly number[], p: number): number | null {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const [i, count] of histogram.entries()) {
    seen += count;
    if (seen >= p * total) return LATENCY_BUCKETS_MS[i] ?? LATENCY_BUCKETS_MS.at(-1)!;
  }
  return LATENCY_BUCKETS_MS.at(-1)!;
}

/** Windows up to this many hours read the hourly rows; longer ones the daily rows, as checks do. */
export const HOURLY_UP_TO_HOURS = 48;

/** Where a window of the last `hours` hours starts: the start of the hour `hours - 1` before this one. */
export function windowStart(hours: number, now = new Date()): Date {
  return new Date(Date.parse(hourOf(now)) - (hours - 1) * 3_600_000);
}

/**
 * How many hours, up to `now`, a window's totals cover: from its first hour, or beyond 48 hours from
 * the start of its first UTC day (windowRows reads whole days there). The hour in progress counts for
 * the part of it that has passed, so a rate taken over it is a rate.
 */
export function coveredHours(hours: number, now = new Date()): number {
  const start = windowStart(hours, now);
  const from = hours <= HOURLY_UP_TO_HOURS ? start.getTime() : Date.parse(`${start.toISOString().slice(0, 10)}T00:00:00Z`);
  return (now.getTime() - from) / 3_600_000;
}

/**
 * The rows of a window: hourly from `start` for up to 48 hours, beyond that the daily rows of every
 * UTC day the window touches (its first day whole), as a check adds up days.
 */
function windowRows(hours: number, start: Date, first: number): { sql: string; values: unknown[] } {
  const [a, b] = [`$${first}`, `$${first + 1}`];
  return hours <= HOURLY_UP_TO_HOURS
    ? {
        sql: `usage_hour u WHERE u.hour >= ${a}::timestamptz AND u.hour < ${a}::timestamptz + make_interval(hours => ${b}::int)`,
        values: [start.toISOString(), hours],
      }
    : { sql: `usage_day u WHERE u.day >= (${a}::timestamptz AT TIME ZONE 'UTC')::date`, values: [start.toISOString()] };
}

export interface OperationTotals {
  signature: string;
  coordinates: string[];
  count: number;
  errors: number;
  latency: number[];
}

/**
 * Each operation's count, errors and latency histogram in a window, with the coordinates it selected:
 * one statement however many operations. `organisationId` limits it to one organisation's traffic.
 */
export async function operationTotals(db: Queryable, hours: number, organisationId: string | null): Promise<OperationTotals[]> {
  const window = windowRows(hours, windowStart(hours), 2);
  const sums = Array.from({ length: BUCKETS }, (_, i) => `sum(u.latency[${i + 1}])::text`).join(', ');
  const rows: { signature: string; coordinates: string[] | null; count: string; errors: string; latency: string[] }[] = await db.query(
    `SELECT t.*, (SELECT array_agg(oc.coordinate ORDER BY oc.coordinate) FROM operation_coordinate oc
       WHERE oc.signature = t.signature) AS coordinates
     FROM (SELECT u.signature, sum(u.count)::text AS count, sum(u.errors)::text AS errors, ARRAY[${sums}] AS latency
       FROM ${window.sql} AND ($1::text IS NULL OR u.organisation_id = $1)
       GROUP BY u.signature) t`,
    [organisationId, ...window.values],
  );
  return rows.map((r) => ({
    signature: r.signature,
    coordinates: r.coordinates ?? [],
    count: Number(r.count),
    errors: Number(r.errors),
    latency: r.latency.map(Number),
  }));
}

export interface UsagePoint {
  hour: Date;
  requests: number;
  errors: number;
}

/** One point per hour of the window, oldest first, hours without traffic as zero: one statement. */
export async function hourlySeries(db: Queryable, hours: number, organisationId: string | null): Promise<UsagePoint[]> {
  const start = windowStart(hours);
  const rows: { hour: Date; count: string; errors: string }[] = await db.query(
    `SELECT u.hour, sum(u.count)::text AS count, sum(u.errors)::text AS errors FROM usage_hour u
     WHERE u.hour >= $1::timestamptz AND u.hour < $1::timestamptz + make_interval(hours => $3)
       AND ($2::text IS NULL OR u.organisation_id = $2)
     GROUP BY u.hour`,
    [start.toISOString(), organisationId, hours],
  );
  return pointsOf(start, hours, rows);
}

/** Which rows an OperationUsage stands for: an operation of one client, version and organisation. */
export interface OperationKey {
  signature: string;
  clientName: string | null;
  clientVersion: string | null;
  organisationId: string | null;
}

/** The hourly points of several operations over the same window, in one statement. */
export async function operationSeries(db: Queryable, keys: readonly OperationKey[], hours: number): Promise<UsagePoint[][]> {
  const start = windowStart(hours);
  const rows: { i: string; hour: Date; count: string; errors: string }[] = await db.query(
    `SELECT k.i::text AS i, u.hour, sum(u.count)::text AS count, sum(u.errors)::text AS errors
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS k(signature, client, version, org, i)
     JOIN usage_hour u ON u.signature = k.signature AND u.client_name = k.client AND u.client_version = k.version
       AND u.organisation_id = k.org AND u.hour >= $5::timestamptz AND u.hour < $5::timestamptz + make_interval(hours => $6)
     GROUP BY k.i, u.hour`,
    [
      keys.map((k) => k.signature),
      keys.map((k) => k.clientName ?? ''),
      keys.map((k) => k.clientVersion ?? ''),
      keys.map((k) => k.organisationId ?? ''),
      start.toISOString(),
      hours,
    ],
  );
  return keys.map((_, index) =>
    pointsOf(
      start,
      hours,
      rows.filter((r) => Number(r.i) === index + 1),
    ),
  );
}

/** The coordinates each operation selected, sorted, in one statement. */
export async function coordinatesOf(db: Queryable, signatures: readonly string[]): Promise<Map<string, string[]>> {
  const rows: { signature: string; coordinates: string[] }[] = await db.query(
    `SELECT signature, array_agg(coordinate ORDER BY coordinate) AS coordinates FROM operation_coordinate
     WHERE signature = ANY($1::text[]) GROUP BY signature`,
    [signatures],
  );
  return new Map(rows.map((r) => [r.signature, r.coordinates]));
}

function pointsOf(start: Date, hours: number, rows: { hour: Date; count: string; errors: string }[]): UsagePoint[] {
  const byHour = new Map(rows.map((r) => [new Date(r.hour).getTime(), r]));
  return Array.from({ length: hours }, (_, i) => {
    const hour = new Date(start.getTime() + i * 3_600_000);
    const row = byHour.get(hour.getTime());
    return { hour, requests: Number(row?.count ?? 0), errors: Number(row?.errors ?? 0) };
  });
}
