import { In, type DataSource, type Repository } from 'typeorm';
import { containsTerm, keysetConnection, onlyUuids, type Connection, type PageArgs, whereId } from '@peacegraph/kit/sql';
import { type LegalInstrumentKind, type ProvisionTopic } from '../common/values';
import { LegalInstrumentSchema, ProvisionSchema, type LegalInstrument, type Provision } from './legal-instrument.entity';

export interface LegalInstrumentFilter {
  kind?: LegalInstrumentKind | null;
  country?: string | null;
  search?: string | null;
}

export interface ProvisionFilter {
  instrument?: string | null;
  topic?: ProvisionTopic | null;
  search?: string | null;
}

/** Instruments and their provisions: PUBLIC reference material. */
export class InstrumentRepository {
  private readonly instruments: Repository<LegalInstrument>;
  private readonly provisions: Repository<Provision>;

  constructor(dataSource: DataSource) {
    this.instruments = dataSource.getRepository(LegalInstrumentSchema);
    this.provisions = dataSource.getRepository(ProvisionSchema);
  }

  byIds(ids: readonly string[]): Promise<LegalInstrument[]> {
    return this.instruments.findBy({ id: In(onlyUuids(ids)) });
  }

  list(filter: LegalInstrumentFilter, page: PageArgs): Promise<Connection<LegalInstrument>> {
    const query = this.instruments.createQueryBuilder('instrument');
    if (filter.kind) query.andWhere('instrument.kind = :kind', { kind: filter.kind });
    if (filter.country) query.andWhere('instrument.country_code = :country', { country: filter.country });
    if (filter.search?.trim()) query.andWhere(`instrument.title_key LIKE ${containsTerm(':search')}`, { search: filter.search });
    return keysetConnection(
      query,
      {
        keys: [
          { expression: 'instrument.title', type: 'text', value: (i) => i.title },
          { expression: 'instrument.id', type: 'uuid', value: (i) => i.id },
        ],
      },
      page,
    );
  }

  provisionsByIds(ids: readonly string[]): Promise<Provision[]> {
    return this.provisions.findBy({ id: In(onlyUuids(ids)) });
  }

  /** Every provision of the instruments, by article number. */
  provisionsOf(instrumentIds: readonly string[]): Promise<Provision[]> {
    return this.provisions
      .createQueryBuilder('provision')
      .where('provision.instrument_id = ANY(:ids)', { ids: onlyUuids(instrumentIds) })
      .orderBy('provision.instrument_id')
      .addOrderBy('provision.article_number')
      .addOrderBy('provision.article')
      .addOrderBy('provision.id')
      .getMany();
  }

  listProvisions(filter: ProvisionFilter, page: PageArgs): Promise<Connection<Provision>> {
    const query = this.provisions.createQueryBuilder('provision');
    if (filter.instrument) whereId(query, 'provision.instrument_id', filter.instrument, 'instrument');
    if (filter.topic) query.andWhere('provision.topic = :topic', { topic: filter.topic });
    if (filter.search?.trim()) query.andWhere(`search_key(provision.title) LIKE ${containsTerm(':search')}`, { search: filter.search });
    return keysetConnection(
      query,
      {
        keys: [
          { expression: 'provision.instrument_id', type: 'uuid', value: (p) => p.instrumentId },
          { expression: 'provision.article_number', type: 'integer', value: (p) => p.articleNumber },
          { expression: 'provision.article', type: 'text', value: (p) => p.article },
          { expression: 'provision.id', type: 'uuid', value: (p) => p.id },
        ],
      },
      page,
    );
  }
}
