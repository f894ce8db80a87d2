import { In, type DataSource, type Repository } from 'typeorm';
import { containsTerm, keysetConnection, type Connection, type PageArgs } from '@peacegraph/kit/sql';
import { AdminAreaSchema, type AdminArea } from './admin-area.entity';

export interface AdminAreaFilter {
  country?: string | null;
  level?: number | null;
  parent?: string | null;
  search?: string | null;
}

export class AdminAreaRepository {
  private readonly rows: Repository<AdminArea>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(AdminAreaSchema);
  }

  byPcodes(pcodes: readonly string[]): Promise<AdminArea[]> {
    return this.rows.findBy({ pcode: In([...pcodes]) });
  }

  childrenOf(parents: readonly string[]): Promise<AdminArea[]> {
    return this.rows.find({ where: { parentPcode: In([...parents]) }, order: { pcode: 'ASC' } });
  }

  inCountries(countryCodes: readonly string[]): Promise<AdminArea[]> {
    return this.rows.find({ where: { countryCode: In([...countryCodes]) }, order: { pcode: 'ASC' } });
  }

  list(filter: AdminAreaFilter, page: PageArgs): Promise<Connection<AdminArea>> {
    const query = this.rows.createQueryBuilder('area');
    if (filter.country) query.andWhere('area.country_code = :country', { country: filter.country });
    if (filter.level !== null && filter.level !== undefined) query.andWhere('area.level = :level', { level: filter.level });
    if (filter.parent) query.andWhere('area.parent_pcode = :parent', { parent: filter.parent });
    if (filter.search) query.andWhere(`area.name_key LIKE ${containsTerm(':search')}`, { search: filter.search });
    return keysetConnection(query, { keys: [{ expression: 'area.pcode', type: 'text', value: (a) => a.pcode }] }, page);
  }
}
