import { In, type DataSource, type Repository } from 'typeorm';
import { containsTerm, keysetConnection, type Connection, type PageArgs } from '@peacegraph/kit/sql';
import { LanguageSchema, type Language } from './language.entity';

export class LanguageRepository {
  private readonly rows: Repository<Language>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(LanguageSchema);
  }

  byCodes(codes: readonly string[]): Promise<Language[]> {
    return this.rows.findBy({ code: In([...codes]) });
  }

  spokenIn(countryCodes: readonly string[]): Promise<Language[]> {
    return this.rows
      .createQueryBuilder('language')
      .where('language.country_codes && :codes', { codes: [...countryCodes] })
      .orderBy('language.name')
      .addOrderBy('language.code')
      .getMany();
  }

  list(filter: { country?: string | null; search?: string | null }, page: PageArgs): Promise<Connection<Language>> {
    const query = this.rows.createQueryBuilder('language');
    if (filter.country) query.andWhere('language.country_codes @> ARRAY[:country]::text[]', { country: filter.country });
    if (filter.search) query.andWhere(`language.name_key LIKE ${containsTerm(':search')}`, { search: filter.search });
    return keysetConnection(
      query,
      {
        keys: [
          { expression: 'language.name', type: 'text', value: (l) => l.name },
          { expression: 'language.code', type: 'text', value: (l) => l.code },
        ],
      },
      page,
    );
  }
}
