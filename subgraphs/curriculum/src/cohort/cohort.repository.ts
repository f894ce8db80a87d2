import { In, type DataSource, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import {
  onlyUuids,
  pageSize,
  whereWithinAdminArea,
  type Connection,
  type PageArgs,
  whereBetween,
  whereId,
  newestFirst,
  latestOfEach,
} from '@peacegraph/kit/sql';
import { CohortSchema, type Cohort, type CohortStatus } from './cohort.entity';

export interface CohortFilter {
  country?: string | null;
  adminArea?: string | null;
  community?: string | null;
  module?: string | null;
  status?: CohortStatus | null;
  language?: string | null;
  facilitator?: string | null;
  organisation?: string | null;
  from?: string | null;
  to?: string | null;
}

export class CohortRepository {
  private readonly rows: Repository<Cohort>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(CohortSchema);
  }

  byIds(ids: readonly string[]): Promise<Cohort[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  /** The cohort, locked until the transaction ends: deliveries to one cohort are recorded one at a time. */
  lock(manager: EntityManager, id: string): Promise<Cohort> {
    return manager
      .getRepository(CohortSchema)
      .createQueryBuilder('cohort')
      .setLock('pessimistic_write')
      .where('cohort.id = :id', { id })
      .getOneOrFail();
  }

  /**
   * Completes the cohort (or keeps it completed) on the day of its last regular session, in the
   * transaction of the delivery that completes it or corrects that day; make-ups do not count.
   */
  async completeOnLastRegularSession(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE cohort SET status = 'COMPLETED',
         completed_on = (SELECT max(delivered_on) FROM session_delivery WHERE cohort_id = $1 AND NOT make_up),
         version = version + 1, updated_at = now()
       WHERE id = $1`,
      [id],
    );
  }

  list(filter: CohortFilter, page: PageArgs): Promise<Connection<Cohort>> {
    const query = this.filtered(this.rows.createQueryBuilder('cohort'), filter);
    return newestFirst(query, 'start_date', (c) => c.startDate, page);
  }

  /** The filter of cohort lists, also used by lists of what cohorts did (deliveries). */
  filtered<T extends object>(query: SelectQueryBuilder<T>, filter: CohortFilter, alias = 'cohort'): SelectQueryBuilder<T> {
    if (filter.country) query.andWhere(`${alias}.country_code = :country`, { country: filter.country });
    if (filter.adminArea) whereWithinAdminArea(query, `${alias}.admin_pcode`, filter.adminArea);
    if (filter.community) whereId(query, `${alias}.community_id`, filter.community, 'community');
    if (filter.module) whereId(query, `${alias}.module_id`, filter.module, 'module');
    if (filter.status) query.andWhere(`${alias}.status = :status`, { status: filter.status });
    if (filter.language) query.andWhere(`${alias}.language_code = :language`, { language: filter.language });
    if (filter.organisation) whereId(query, `${alias}.owner_org`, filter.organisation, 'organisation');
    if (filter.facilitator) {
      if (onlyUuids([filter.facilitator]).length)
        query.andWhere(`${alias}.facilitator_ids @> ARRAY[:facilitator]::uuid[]`, { facilitator: filter.facilitator });
      else query.andWhere('1 = 0');
    }
    return whereBetween(query, `${alias}.start_date`, filter.from ?? null, filter.to ?? null);
  }

  /** The first cohorts of each community (optionally of one status). */
  ofCommunities(communityIds: readonly string[], args: { status?: CohortStatus | null; first?: number | null }): Promise<Cohort[]> {
    return this.firstPer('community_id', 'community_id = ANY(:ids)', onlyUuids(communityIds), args);
  }

  /** The first cohorts held in each language. */
  inLanguages(codes: readonly string[], args: { status?: CohortStatus | null; first?: number | null }): Promise<Cohort[]> {
    return this.firstPer('language_code', 'language_code = ANY(:ids)', [...codes], args);
  }

  /** The latest 100 cohorts of each facilitator. */
  ofFacilitators(facilitatorIds: readonly string[]): Promise<Cohort[]> {
    return latestOfEach(
      this.rows.createQueryBuilder('cohort'),
      { table: 'cohort', parent: { listedIn: 'facilitator_ids' }, date: 'start_date' },
      { ids: onlyUuids(facilitatorIds), first: 100 },
    );
  }

  private firstPer(
    partition: string,
    where: string,
    ids: string[],
    args: { status?: CohortStatus | null; first?: number | null },
  ): Promise<Cohort[]> {
    // Latest start first: the actual start, else the planned one.
    return latestOfEach(
      this.rows.createQueryBuilder('cohort'),
      { table: 'cohort', parent: partition, date: 'start_date', where: args.status ? `${where} AND status = :status` : where },
      { ids, status: args.status, first: pageSize(args.first) },
    );
  }
}
