import { In, type DataSource, type Repository } from 'typeorm';
import {
  containsTerm,
  keysetConnection,
  listsAreaWithin,
  namedBinder,
  onlyUuids,
  type Connection,
  type PageArgs,
} from '@peacegraph/kit/sql';
import { TranshumanceCorridorSchema, type TranshumanceCorridor } from './corridor.entity';
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
}
