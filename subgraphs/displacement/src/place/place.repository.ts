import {
  In,
  type DataSource,
  type EntityManager,
  type EntitySchema,
  type FindOptionsWhere,
  type ObjectLiteral,
  type QueryDeepPartialEntity,
  type Repository,
  type SelectQueryBuilder,
} from 'typeorm';
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

/**
 * What spots and counting points share: named points, each perhaps on a corridor, listed by name under
 * the same place filter and read along their corridor's path. `alias` names the table in SQL.
 */
class PointRepository<T extends SensitiveSpot | CountingPoint> {
  protected readonly rows: Repository<T>;

  constructor(
    protected readonly dataSource: DataSource,
    private readonly schema: EntitySchema<T>,
    private readonly alias: string,
    private readonly table: string,
  ) {
    this.rows = dataSource.getRepository(schema);
  }

  byIds(ids: readonly string[]): Promise<T[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) } as FindOptionsWhere<T>);
  }

  /** The points `query` selects, by name, under the place filter. */
  protected byName(query: SelectQueryBuilder<ObjectLiteral>, filter: PlaceFilter, page: PageArgs): Promise<Connection<T>> {
    const { alias } = this;
    placeConditions(query, alias, this.table, filter);
    return keysetConnection<T>(
      query,
      {
        keys: [
          { expression: `${alias}.name`, type: 'text', value: (p) => p.name },
          { expression: `${alias}.id`, type: 'uuid', value: (p) => p.id },
        ],
      },
      page,
    );
  }

  /** The points on each corridor, in order along its path. */
  onCorridors(corridorIds: readonly string[]): Promise<T[]> {
    const { alias } = this;
    return this.rows
      .createQueryBuilder(alias)
      .where(`${alias}.corridor_id = ANY(:ids)`, { ids: onlyUuids(corridorIds) })
      .orderBy(`${alias}.km_along`)
      .addOrderBy(`${alias}.id`)
      .getMany();
  }

  /** The points on a corridor, read in the transaction of a change to its path, which moves them along it. */
  onCorridorInWrite(manager: EntityManager, corridorId: string): Promise<T[]> {
    return manager.getRepository(this.schema).findBy({ corridorId } as FindOptionsWhere<T>);
  }

  /** The points on these corridors, read in the transaction of the early-action evaluation. */
  onCorridorsInWrite(manager: EntityManager, corridorIds: string[]): Promise<T[]> {
    return manager.getRepository(this.schema).findBy({ corridorId: In(corridorIds) } as FindOptionsWhere<T>);
  }

  /** Where a point now lies along its corridor's new path, in the transaction of the corridor's change. */
  async placeAlongPath(manager: EntityManager, id: string, along: { kmAlong: number; distanceFromPathKm: number }): Promise<void> {
    // Both kinds of point have these columns, which TypeORM's types cannot see through T.
    await manager.getRepository(this.schema).update({ id } as FindOptionsWhere<T>, along as unknown as QueryDeepPartialEntity<T>);
  }
}

/** Sensitive spots: water points, cropland, markets … that herds must be warned of. */
export class SpotRepository extends PointRepository<SensitiveSpot> {
  constructor(dataSource: DataSource) {
    super(dataSource, SensitiveSpotSchema, 's', 'sensitive_spot');
  }

  list(filter: SpotFilter, page: PageArgs): Promise<Connection<SensitiveSpot>> {
    const query = this.rows.createQueryBuilder('s');
    if (filter.kind) query.andWhere('s.kind = :kind', { kind: filter.kind });
    return this.byName(query, filter, page);
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
}

/** Counting points: where herds passing along a corridor are counted. */
export class CountingPointRepository extends PointRepository<CountingPoint> {
  constructor(dataSource: DataSource) {
    super(dataSource, CountingPointSchema, 'p', 'counting_point');
  }

  list(filter: PlaceFilter, page: PageArgs): Promise<Connection<CountingPoint>> {
    return this.byName(this.rows.createQueryBuilder('p'), filter, page);
  }
}

function placeConditions(query: Parameters<typeof whereInBox>[0], alias: string, table: string, filter: PlaceFilter): void {
  if (filter.corridor) whereIdIs(query, `${alias}.corridor_id`, filter.corridor);
  if (filter.adminArea) query.andWhere(`${alias}.admin_pcode LIKE :area`, { area: `${filter.adminArea}%` });
  if (filter.withinBox) whereInBox(query, alias, filter.withinBox);
  if (filter.near) whereNear(query, alias, filter.near);
  if (filter.alongCorridor) whereAlongCorridor(query, alias, table, filter.alongCorridor);
}
