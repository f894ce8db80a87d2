import { In, type DataSource, type Repository } from 'typeorm';
import {
  containsTerm,
  keysetConnection,
  onlyUuids,
  pageSize,
  whereWithinAdminArea,
  type Connection,
  type PageArgs,
  firstOfEach,
  whereId,
} from '@peacegraph/kit/sql';
import { FacilitatorSchema, type Facilitator } from './facilitator.entity';

export interface FacilitatorFilter {
  organisation?: string | null;
  language?: string | null;
  module?: string | null;
  country?: string | null;
  adminArea?: string | null;
  community?: string | null;
  search?: string | null;
}

export class FacilitatorRepository {
  private readonly rows: Repository<Facilitator>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(FacilitatorSchema);
  }

  byIds(ids: readonly string[]): Promise<Facilitator[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  list(filter: FacilitatorFilter, page: PageArgs): Promise<Connection<Facilitator>> {
    const query = this.rows.createQueryBuilder('facilitator');
    if (filter.organisation) whereId(query, 'facilitator.owner_org', filter.organisation, 'organisation');
    if (filter.language) query.andWhere('facilitator.language_codes @> ARRAY[:language]::text[]', { language: filter.language });
    if (filter.module) {
      if (onlyUuids([filter.module]).length)
        query.andWhere('facilitator.certified_module_ids @> ARRAY[:module]::uuid[]', { module: filter.module });
      else query.andWhere('1 = 0');
    }
    if (filter.country) query.andWhere('facilitator.home_country_code = :country', { country: filter.country });
    if (filter.adminArea) whereWithinAdminArea(query, 'facilitator.home_admin_pcode', filter.adminArea);
    if (filter.community) whereId(query, 'facilitator.home_community_id', filter.community, 'community');
    if (filter.search) query.andWhere(`facilitator.name_key LIKE ${containsTerm(':search')}`, { search: filter.search });
    return keysetConnection(
      query,
      {
        keys: [
          { expression: 'facilitator.full_name', type: 'text', value: (f) => f.fullName },
          { expression: 'facilitator.id', type: 'uuid', value: (f) => f.id },
        ],
      },
      page,
    );
  }

  /** The first facilitators of each organisation, by name. */
  ofOrganisations(organisationIds: readonly string[], first: number | null | undefined): Promise<Facilitator[]> {
    return this.rows
      .createQueryBuilder('facilitator')
      .where(`facilitator.id IN (${firstOfEach('facilitator', 'owner_org', 'full_name, id', 'owner_org = ANY(:ids)')})`, {
        ids: onlyUuids(organisationIds),
        first: pageSize(first),
      })
      .orderBy('facilitator.full_name')
      .addOrderBy('facilitator.id')
      .getMany();
  }
}
