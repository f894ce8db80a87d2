import { In, type DataSource, type Repository } from 'typeorm';
import { CountrySchema, type Country } from './country.entity';

export class CountryRepository {
  private readonly rows: Repository<Country>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(CountrySchema);
  }

  all(): Promise<Country[]> {
    return this.rows.find({ order: { nameEn: 'ASC' } });
  }

  byCodes(codes: readonly string[]): Promise<Country[]> {
    return this.rows.findBy({ code: In([...codes]) });
  }
}
