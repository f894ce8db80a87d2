import { In, type DataSource, type Repository } from 'typeorm';
import {
  onlyUuids,
  pageSize,
  whereWithinAdminArea,
  type Connection,
  type PageArgs,
  whereBetween,
  whereId,
  newestFirst,
} from '@peacegraph/kit/sql';
import { SocialMobilisationSchema, type SocialMobilisation } from './social-mobilisation.entity';

export interface SocialMobilisationFilter {
  cohort?: string | null;
  community?: string | null;
  country?: string | null;
  adminArea?: string | null;
  from?: string | null;
  to?: string | null;
}

export class MobilisationRepository {
  private readonly rows: Repository<SocialMobilisation>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(SocialMobilisationSchema);
  }

  byIds(ids: readonly string[]): Promise<SocialMobilisation[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  /** Every mobilisation of each cohort, by date. */
  ofCohorts(cohortIds: readonly string[]): Promise<SocialMobilisation[]> {
    return this.rows.find({ where: { cohortId: In(onlyUuids(cohortIds)) }, order: { heldOn: 'ASC', id: 'ASC' } });
  }

  list(filter: SocialMobilisationFilter, page: PageArgs): Promise<Connection<SocialMobilisation>> {
    const query = this.rows.createQueryBuilder('mobilisation');
    if (filter.cohort) whereId(query, 'mobilisation.cohort_id', filter.cohort, 'cohort');
    if (filter.community) {
      if (onlyUuids([filter.community]).length) {
        query.andWhere('mobilisation.reached_community_ids @> ARRAY[:community]::uuid[]', { community: filter.community });
      } else query.andWhere('1 = 0');
    }
    if (filter.country) query.andWhere('mobilisation.country_code = :country', { country: filter.country });
    if (filter.adminArea) whereWithinAdminArea(query, 'mobilisation.admin_pcode', filter.adminArea);
    whereBetween(query, 'mobilisation.held_on', filter.from ?? null, filter.to ?? null);
    return newestFirst(query, 'held_on', (m) => m.heldOn, page);
  }

  /**
   * The latest mobilisations that reached each community, in one statement: ranked within each
   * community reached. A mobilisation reaching two of the communities asked about appears once.
   */
  reaching(communityIds: readonly string[], first: number | null | undefined): Promise<SocialMobilisation[]> {
    return this.rows
      .createQueryBuilder('mobilisation')
      .where(
        `mobilisation.id IN (SELECT ranked.id FROM (
           SELECT m.id, row_number() OVER (PARTITION BY reached ORDER BY m.held_on DESC, m.id DESC) AS rank
           FROM social_mobilisation m CROSS JOIN LATERAL unnest(m.reached_community_ids) AS reached
           WHERE m.reached_community_ids && CAST(:ids AS uuid[]) AND reached = ANY(CAST(:ids AS uuid[]))
         ) ranked WHERE ranked.rank <= :first)`,
        { ids: onlyUuids(communityIds), first: pageSize(first) },
      )
      .orderBy('mobilisation.held_on', 'DESC')
      .addOrderBy('mobilisation.id', 'DESC')
      .getMany();
  }
}
