import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import {
  containsTerm,
  keysetConnection,
  onlyUuids,
  pageSize,
  type Connection,
  type PageArgs,
  firstOfEach,
  whereId,
} from '@peacegraph/kit/sql';
import { wherePlace } from '../common/filters';
import { type Mineral, type MiningSiteKind } from '../common/values';
import { MiningSiteSchema, type MiningSite } from './mining-site.entity';

export interface MiningSiteFilter {
  community?: string | null;
  country?: string | null;
  adminArea?: string | null;
  kind?: MiningSiteKind | null;
  mineral?: Mineral | null;
  operator?: string | null;
  search?: string | null;
}

const ORDER = 'name, id';

export class SiteRepository {
  private readonly rows: Repository<MiningSite>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = dataSource.getRepository(MiningSiteSchema);
  }

  byIds(ids: readonly string[]): Promise<MiningSite[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  list(filter: MiningSiteFilter, page: PageArgs): Promise<Connection<MiningSite>> {
    const query = this.rows.createQueryBuilder('site');
    wherePlace(query, 'site', filter);
    if (filter.kind) query.andWhere('site.kind = :kind', { kind: filter.kind });
    if (filter.mineral) query.andWhere('site.minerals @> ARRAY[:mineral]::text[]', { mineral: filter.mineral });
    if (filter.operator) whereId(query, 'site.operator_id', filter.operator, 'operator');
    if (filter.search?.trim()) query.andWhere(`search_key(site.name) LIKE ${containsTerm(':search')}`, { search: filter.search });
    return keysetConnection(
      query,
      {
        keys: [
          { expression: 'site.name', type: 'text', value: (s) => s.name },
          { expression: 'site.id', type: 'uuid', value: (s) => s.id },
        ],
      },
      page,
    );
  }

  /** The first sites of each community, by name. */
  ofCommunities(communityIds: readonly string[], first: number | null | undefined): Promise<MiningSite[]> {
    return this.firstPer('community_id', onlyUuids(communityIds), first);
  }

  /** The first sites each organisation operates, by name. */
  operatedBy(organisationIds: readonly string[], first: number | null | undefined): Promise<MiningSite[]> {
    return this.firstPer('operator_id', onlyUuids(organisationIds), first);
  }

  /**
   * How many trainings and consultations name the site, counted inside a write with the site locked
   * (FOR UPDATE), so that none can name it until the write that moves it ends (see siteStillIn).
   */
  async usesLocked(manager: EntityManager, siteId: string): Promise<number> {
    await manager.query('SELECT id FROM mining_site WHERE id = $1 FOR UPDATE', [siteId]);
    const [row] = (await manager.query(
      `SELECT (SELECT count(*) FROM mining_training WHERE site_id = $1) + (SELECT count(*) FROM community_consultation WHERE site_id = $1) AS n`,
      [siteId],
    )) as { n: string }[];
    return Number(row?.n ?? 0);
  }

  /**
   * The community a site is in, read inside a write that names the site with the site locked against
   * moving (FOR SHARE) until the write ends; null when there is no such site.
   */
  async communityLocked(manager: EntityManager, siteId: string): Promise<string | null> {
    const [row] = (await manager.query('SELECT community_id FROM mining_site WHERE id = $1 FOR SHARE', [siteId])) as {
      community_id: string;
    }[];
    return row?.community_id ?? null;
  }

  private firstPer(column: string, ids: string[], first: number | null | undefined): Promise<MiningSite[]> {
    return this.rows
      .createQueryBuilder('site')
      .where(`site.id IN (${firstOfEach('mining_site', column, ORDER, `${column} = ANY(:ids)`)})`, { ids, first: pageSize(first) })
      .orderBy('site.name')
      .addOrderBy('site.id')
      .getMany();
  }
}
