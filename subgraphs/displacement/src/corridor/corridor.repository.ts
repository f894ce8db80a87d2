import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import {
  containsTerm,
  keysetConnection,
  listsAreaWithin,
  namedBinder,
  onlyUuids,
  type Connection,
  type PageArgs,
} from '@peacegraph/kit/sql';
import { CorridorVertexSchema, TranshumanceCorridorSchema, type CorridorVertex, type TranshumanceCorridor } from './corridor.entity';
import type { CorridorFormality } from '../common/transhumance-values';
import { whereCorridorNear, whereCorridorOverlaps, type BoxFilter, type NearFilter } from '../common/geo-filters';

export interface CorridorFilter {
  country?: string | null;
  adminArea?: string | null;
  formality?: CorridorFormality | null;
  search?: string | null;
  withinBox?: BoxFilter | null;
  near?: NearFilter | null;
}

export class CorridorRepository {
  private readonly rows: Repository<TranshumanceCorridor>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(TranshumanceCorridorSchema);
  }

  byIds(ids: readonly string[]): Promise<TranshumanceCorridor[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  /** Corridors read in a write's transaction (the early-action evaluation), as it sees them. */
  byIdsInWrite(manager: EntityManager, ids: readonly string[]): Promise<TranshumanceCorridor[]> {
    return manager.getRepository(TranshumanceCorridorSchema).findBy({ id: In([...ids]) });
  }

  list(filter: CorridorFilter, page: PageArgs): Promise<Connection<TranshumanceCorridor>> {
    const query = this.rows.createQueryBuilder('c');
    if (filter.country) query.andWhere('c.country_codes @> ARRAY[:country]::text[]', { country: filter.country });
    if (filter.adminArea) {
      const { bind, params } = namedBinder('area');
      query.andWhere(listsAreaWithin('c.area_keys', filter.adminArea, bind), params);
    }
    if (filter.formality) query.andWhere('c.formality = :formality', { formality: filter.formality });
    if (filter.search?.trim()) query.andWhere(`search_key(c.name) LIKE ${containsTerm(':search')}`, { search: filter.search });
    if (filter.withinBox) whereCorridorOverlaps(query, 'c', filter.withinBox);
    if (filter.near) whereCorridorNear(query, 'c', filter.near);
    return keysetConnection(
      query,
      {
        keys: [
          { expression: 'c.name', type: 'text', value: (c) => c.name },
          { expression: 'c.id', type: 'uuid', value: (c) => c.id },
        ],
      },
      page,
    );
  }

  /**
   * Writes the vertices of a corridor's path, in the transaction of the corridor's creation or new path.
   * A long path goes in statements of 2,000 vertices, under PostgreSQL's limit of parameters per statement.
   */
  async addVertices(manager: EntityManager, corridorId: string, vertices: readonly Omit<CorridorVertex, 'corridorId'>[]): Promise<void> {
    const rows = manager.getRepository(CorridorVertexSchema);
    for (let i = 0; i < vertices.length; i += 2000) await rows.insert(vertices.slice(i, i + 2000).map((v) => ({ ...v, corridorId })));
  }

  /** Removes every vertex of a corridor's path, which its new path replaces, in the transaction of the change. */
  async removeVertices(manager: EntityManager, corridorId: string): Promise<void> {
    await manager.getRepository(CorridorVertexSchema).delete({ corridorId });
  }
}
