import { badInput } from '@peacegraph/kit/errors';
import { onlyUuids } from '@peacegraph/kit/sql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export interface BoxFilter {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface NearFilter {
  latitude: number;
  longitude: number;
  radiusKm: number;
}

export interface AlongCorridorFilter {
  corridor: string;
  withinKm: number;
}

/** Radii beyond this are not "near" anything in a region a few hundred kilometres across. */
type Geo = { withinBox?: BoxFilter | null; near?: NearFilter | null; alongCorridor?: AlongCorridorFilter | null };

/** Geographic filters, checked: a box the right way round, distances within reason. */
export function checkedGeo<F extends Geo>(filter: F | null | undefined): F {
  const checked = { ...(filter ?? {}) } as F;
  if (checked.withinBox) checkBox('filter.withinBox', checked.withinBox);
  if (checked.near) checkRadius('filter.near.radiusKm', checked.near.radiusKm);
  if (checked.alongCorridor) checkRadius('filter.alongCorridor.withinKm', checked.alongCorridor.withinKm);
  return checked;
}

export const MAX_RADIUS_KM = 1000;

export function checkBox(field: string, box: BoxFilter): BoxFilter {
  if (box.north < box.south) throw badInput(`${field}.north`, `The box's north (${box.north}) is south of its south (${box.south})`);
  if (box.east < box.west) throw badInput(`${field}.east`, `The box's east (${box.east}) is west of its west (${box.west})`);
  return box;
}

export function checkRadius(field: string, km: number): number {
  if (!Number.isFinite(km) || km <= 0 || km > MAX_RADIUS_KM)
    throw badInput(field, `The distance must be more than 0 and at most ${MAX_RADIUS_KM} km (got ${km})`);
  return km;
}

let sequence = 0;
/** Parameter names unique within a statement, so filters can be combined. */
function names(...keys: string[]): Record<string, string> {
  sequence = (sequence + 1) % 1_000_000;
  return Object.fromEntries(keys.map((key) => [key, `geo${sequence}_${key}`]));
}

/**
 * Rows whose point lies in the latitude/longitude box: the planar GiST index on
 * point(longitude, latitude) serves `<@`.
 */
export function whereInBox<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, box: BoxFilter): void {
  const n = names('s', 'w', 'n', 'e');
  query.andWhere(`point(${alias}.longitude, ${alias}.latitude) <@ box(point(:${n.w}, :${n.s}), point(:${n.e}, :${n.n}))`, {
    [n.s!]: box.south,
    [n.w!]: box.west,
    [n.n!]: box.north,
    [n.e!]: box.east,
  });
}

/** SQL: the row's point within `radius` metres of a point: earth_box (GiST) prefilters, earth_distance decides. */
export function nearSql(latitude: string, longitude: string, centreLatitude: string, centreLongitude: string, metres: string): string {
  const centre = `ll_to_earth(${centreLatitude}, ${centreLongitude})`;
  const point = `ll_to_earth(${latitude}, ${longitude})`;
  return `(earth_box(${centre}, ${metres}) @> ${point} AND earth_distance(${centre}, ${point}) <= ${metres})`;
}

export function whereNear<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, near: NearFilter): void {
  const n = names('lat', 'lon', 'm');
  query.andWhere(nearSql(`${alias}.latitude`, `${alias}.longitude`, `:${n.lat}`, `:${n.lon}`, `:${n.m}`), {
    [n.lat!]: near.latitude,
    [n.lon!]: near.longitude,
    [n.m!]: near.radiusKm * 1000,
  });
}

/**
 * Rows of `table` within `withinKm` of the corridor's path: from each vertex of the corridor (about one
 * per km), an index probe of the table's earth index. Distance to the nearest vertex overstates the
 * distance to the path by at most a few metres at 10 km (half a kilometre right on the path).
 */
export function whereAlongCorridor<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  table: string,
  along: AlongCorridorFilter,
): void {
  if (onlyUuids([along.corridor]).length === 0) {
    query.andWhere('false');
    return;
  }
  const n = names('c', 'm');
  query.andWhere(
    `${alias}.id IN (SELECT near.id FROM transhumance_corridor_vertex v JOIN ${table} near
       ON ${nearSql('near.latitude', 'near.longitude', 'v.latitude', 'v.longitude', `:${n.m}`)}
       WHERE v.corridor_id = :${n.c})`,
    { [n.c!]: along.corridor, [n.m!]: along.withinKm * 1000 },
  );
}

/** Corridors passing within the radius of a point: some vertex is. */
export function whereCorridorNear<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, near: NearFilter): void {
  const n = names('lat', 'lon', 'm');
  query.andWhere(
    `${alias}.id IN (SELECT v.corridor_id FROM transhumance_corridor_vertex v WHERE ${nearSql('v.latitude', 'v.longitude', `:${n.lat}`, `:${n.lon}`, `:${n.m}`)})`,
    { [n.lat!]: near.latitude, [n.lon!]: near.longitude, [n.m!]: near.radiusKm * 1000 },
  );
}

export function whereCorridorOverlaps<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, box: BoxFilter): void {
  const n = names('s', 'w', 'n', 'e');
  query.andWhere(`${alias}.bounds && box(point(:${n.w}, :${n.s}), point(:${n.e}, :${n.n}))`, {
    [n.s!]: box.south,
    [n.w!]: box.west,
    [n.n!]: box.north,
    [n.e!]: box.east,
  });
}

/** An id filter: an id that is not a UUID matches nothing (rather than failing the statement). */
export function whereIdIs<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string, id: string): void {
  if (onlyUuids([id]).length === 0) {
    query.andWhere('false');
    return;
  }
  const n = names('id');
  query.andWhere(`${column} = :${n.id}`, { [n.id!]: id });
}

/**
 * `column` lies in the area `key` or below, for a `key` that is itself a column (a join): a range on
 * the text_pattern_ops index. P-codes hold letters and digits only, all sorting before '~'.
 */
export function withinAreaOf(column: string, key: string): string {
  return `(${column} ~>=~ ${key} AND ${column} ~<~ (${key} || '~'))`;
}
