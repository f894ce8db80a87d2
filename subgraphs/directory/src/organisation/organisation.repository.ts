import { In, type DataSource, type Repository } from 'typeorm';
import { containsTerm, keysetConnection, onlyUuids, type Connection, type PageArgs } from '@peacegraph/kit/sql';
import { OrganisationSchema, type Domain, type Organisation, type OrganisationKind } from './organisation.entity';

export interface OrganisationFilter {
  kind?: OrganisationKind | null;
  country?: string | null;
  domain?: Domain | null;
  search?: string | null;
}

export class OrganisationRepository {
  private readonly rows: Repository<Organisation>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(OrganisationSchema);
  }

  byIds(ids: readonly string[]): Promise<Organisation[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  list(filter: OrganisationFilter, page: PageArgs): Promise<Connection<Organisation>> {
    const query = this.rows.createQueryBuilder('organisation');
    if (filter.kind) query.andWhere('organisation.kind = :kind', { kind: filter.kind });
    if (filter.country) query.andWhere('organisation.country_codes @> ARRAY[:country]::text[]', { country: filter.country });
    if (filter.domain) query.andWhere('organisation.domains @> ARRAY[:domain]::text[]', { domain: filter.domain });
    if (filter.search) query.andWhere(`organisation.name_key LIKE ${containsTerm(':search')}`, { search: filter.search });
    return keysetConnection(
      query,
      {
        keys: [
          { expression: 'organisation.name', type: 'text', value: (o) => o.name },
          { expression: 'organisation.id', type: 'uuid', value: (o) => o.id },
        ],
      },
      page,
    );
  }
}
