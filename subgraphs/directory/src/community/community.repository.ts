import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { containsTerm, keysetConnection, onlyUuids, whereWithinAdminArea, type Connection, type PageArgs } from '@peacegraph/kit/sql';
import { CommunitySchema, type Community } from './community.entity';

export interface CommunityFilter {
  country?: string | null;
  adminArea?: string | null;
  language?: string | null;
  search?: string | null;
}

export type CommunityFields = Pick<
  Community,
  'name' | 'alternativeNames' | 'adminPcode' | 'countryCode' | 'latitude' | 'longitude' | 'languageCodes'
>;

export class CommunityRepository {
  private readonly rows: Repository<Community>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(CommunitySchema);
  }

  byIds(ids: readonly string[]): Promise<Community[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  /** Another community with the same name (case and accents ignored) in the same admin area. */
  async sameNameInArea(manager: EntityManager, name: string, adminPcode: string, exceptId?: string): Promise<Community | null> {
    const query = manager
      .getRepository(CommunitySchema)
      .createQueryBuilder('community')
      .where('community.admin_pcode = :adminPcode', { adminPcode })
      .andWhere('search_key(community.name) = search_key(:name)', { name });
    if (exceptId) query.andWhere('community.id <> :exceptId', { exceptId });
    return query.getOne();
  }

  list(filter: CommunityFilter, page: PageArgs): Promise<Connection<Community>> {
    const query = this.rows.createQueryBuilder('community');
    if (filter.country) query.andWhere('community.country_code = :country', { country: filter.country });
    if (filter.adminArea) whereWithinAdminArea(query, 'community.admin_pcode', filter.adminArea);
    if (filter.language) query.andWhere('community.language_codes @> ARRAY[:language]::text[]', { language: filter.language });
    if (filter.search) query.andWhere(`community.name_key LIKE ${containsTerm(':search')}`, { search: filter.search });
    return keysetConnection(
      query,
      {
        keys: [
          { expression: 'community.name', type: 'text', value: (c) => c.name },
          { expression: 'community.id', type: 'uuid', value: (c) => c.id },
        ],
      },
      page,
    );
  }
}
