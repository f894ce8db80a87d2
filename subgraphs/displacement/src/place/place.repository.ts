import { In, type DataSource, type Repository } from 'typeorm';
import { PCODE_PATTERN } from '@peacegraph/kit/server';
import { keysetConnection, onlyUuids, type Connection, type PageArgs } from '@peacegraph/kit/sql';
import { CountingPointSchema, SensitiveSpotSchema, type CountingPoint, type SensitiveSpot } from './place.entity';
import type { SpotKind } from '../common/transhumance-values';
import {
  whereAlongCorridor,
  whereIdIs,
  whereInBox,
  whereNear,
  withinAreaOf,
  type AlongCorridorFilter,
  type BoxFilter,
  type NearFilter,
} from '../common/geo-filters';
import { rowsToEntities } from '../common/rows';

export interface PlaceFilter {
  corridor?: string | null;
  adminArea?: string | null;
  withinBox?: BoxFilter | null;
  near?: NearFilter | null;
  alongCorridor?: AlongCorridorFilter | null;
}

export interface SpotFilter extends PlaceFilter {
  kind?: SpotKind | null;
}

/** Sensitive spots and counting points: named points, each perhaps on a corridor. */
export class SpotRepository {
  private readonly rows: Repository<SensitiveSpot>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = dataSource.getRepository(SensitiveSpotSchema);
  }

  byIds(ids: readonly string[]): Promise<SensitiveSpot[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  list(filter: SpotFilter, page: PageArgs): Promise<Connection<SensitiveSpot>> {
    const query = this.rows.createQueryBuilder('s');
    if (filter.kind) query.andWhere('s.kind = :kind', { kind: filter.kind });
    placeConditions(query, 's', 'sensitive_spot', filter);
    return keysetConnection(
      query,
      {
        keys: [
          { expression: 's.name', type: 'text', value: (s) => s.name },
          { expression: 's.id', type: 'uuid', value: (s) => s.id },
        ],
      },
      page,
    );
  }

  /** The spots on each corridor, in order along its path. */
  onCorridors(corridorIds: readonly string[]): Promise<SensitiveSpot[]> {
    return this.rows
      .createQueryBuilder('s')
      .where('s.corridor_id = ANY(:ids)', { ids: onlyUuids(corridorIds) })
      .orderBy('s.km_along')
      .addOrderBy('s.id')
      .getMany();
  }

  /** The first spots (by name) in each area and below; a spot in a province is also in its region. */
  async inAreas(pcodes: readonly string[], kind: SpotKind | null, first: number): Promise<(SensitiveSpot & { area: string })[]> {
    const rows = (await this.dataSource.query(
      `SELECT s.*, area.pcode AS area FROM unnest($1::text[]) AS area(pcode)
       CROSS JOIN LATERAL (
         SELECT * FROM sensitive_spot s WHERE ${withinAreaOf('s.admin_pcode', 'area.pcode')} AND ($2::text IS NULL OR s.kind = $2)
         ORDER BY s.name, s.id LIMIT $3
       ) s`,
      [pcodes.filter((p) => PCODE_PATTERN.test(p)), kind, first],
    )) as Record<string, unknown>[];
    const spots = rowsToEntities(this.dataSource, SensitiveSpotSchema, rows);
    return spots.map((spot, i) => ({ ...spot, area: rows[i]!.area as string }));
  }

  /** How many spots lie on the corridor, and the farthest of them from a new path (for path changes). */
  ofCorridor(corridorId: string): Promise<SensitiveSpot[]> {
    return this.rows.findBy({ corridorId });
  }
}

export class CountingPointRepository {
  private readonly rows: Repository<CountingPoint>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(CountingPointSchema);
  }

  byIds(ids: readonly string[]): Promise<CountingPoint[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  list(filter: PlaceFilter, page: PageArgs): Promise<Connection<CountingPoint>> {
    const query = this.rows.createQueryBuilder('p');
    placeConditions(query, 'p', 'counting_point', filter);
    return keysetConnection(
      query,
      {
        keys: [
          { expression: 'p.name', type: 'text', value: (p) => p.name },
          { expression: 'p.id', type: 'uuid', value: (p) => p.id },
        ],
      },
      page,
    );
  }

  /** The counting points of each corridor, in order along its path. */
  onCorridors(corridorIds: readonly string[]): Promise<CountingPoint[]> {
    return this.rows
      .createQueryBuilder('p')
      .where('p.corridor_id = ANY(:ids)', { ids: onlyUuids(corridorIds) })
      .orderBy('p.km_along')
      .addOrderBy('p.id')
      .getMany();
  }

  ofCorridor(corridorId: string): Promise<CountingPoint[]> {
    return this.rows.findBy({ corridorId });
  }
}

function placeConditions(query: Parameters<typeof whereInBox>[0], alias: string, table: string, filter: PlaceFilter): void {
  if (filter.corridor) whereIdIs(query, `${alias}.corridor_id`, filter.corridor);
  if (filter.adminArea) query.andWhere(`${alias}.admin_pcode LIKE :area`, { area: `${filter.adminArea}%` });
  if (filter.withinBox) whereInBox(query, alias, filter.withinBox);
  if (filter.near) whereNear(query, alias, filter.near);
  if (filter.alongCorridor) whereAlongCorridor(query, alias, table, filter.alongCorridor);
}
