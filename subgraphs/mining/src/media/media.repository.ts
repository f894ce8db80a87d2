import { In, type DataSource, type Repository } from 'typeorm';
import { onlyUuids, type Connection, type PageArgs, whereBetween, whereId, newestFirst } from '@peacegraph/kit/sql';
import { type MediaKind, type PublicationKind } from '../common/values';
import { MediaInterventionSchema, PublicationSchema, type MediaIntervention, type Publication } from './media.entity';

export interface MediaFilter {
  kind?: MediaKind | null;
  language?: string | null;
  region?: string | null;
  campaign?: string | null;
  from?: string | null;
  to?: string | null;
}

export interface PublicationFilter {
  kind?: PublicationKind | null;
  language?: string | null;
  instrument?: string | null;
  from?: string | null;
  to?: string | null;
}

/** Media interventions and publications: PUBLIC. */
export class MediaRepository {
  private readonly media: Repository<MediaIntervention>;
  private readonly publications: Repository<Publication>;

  constructor(dataSource: DataSource) {
    this.media = dataSource.getRepository(MediaInterventionSchema);
    this.publications = dataSource.getRepository(PublicationSchema);
  }

  byIds(ids: readonly string[]): Promise<MediaIntervention[]> {
    return this.media.findBy({ id: In(onlyUuids(ids)) });
  }

  list(filter: MediaFilter, page: PageArgs): Promise<Connection<MediaIntervention>> {
    const query = this.media.createQueryBuilder('media');
    if (filter.kind) query.andWhere('media.kind = :kind', { kind: filter.kind });
    if (filter.language) query.andWhere('media.language_code = :language', { language: filter.language });
    if (filter.region) query.andWhere('media.regions_reached @> ARRAY[:region]::text[]', { region: filter.region });
    if (filter.campaign) query.andWhere('media.campaign = :campaign', { campaign: filter.campaign });
    whereBetween(query, 'media.released_on', filter.from, filter.to);
    return newestFirst(query, 'released_on', (m) => m.releasedOn, page);
  }

  publicationsByIds(ids: readonly string[]): Promise<Publication[]> {
    return this.publications.findBy({ id: In(onlyUuids(ids)) });
  }

  listPublications(filter: PublicationFilter, page: PageArgs): Promise<Connection<Publication>> {
    const query = this.publications.createQueryBuilder('publication');
    if (filter.kind) query.andWhere('publication.kind = :kind', { kind: filter.kind });
    if (filter.language) query.andWhere('publication.language_code = :language', { language: filter.language });
    if (filter.instrument) whereId(query, 'publication.instrument_id', filter.instrument, 'instrument');
    whereBetween(query, 'publication.published_on', filter.from, filter.to);
    return newestFirst(query, 'published_on', (p) => p.publishedOn, page);
  }
}
