import { In, type DataSource, type Repository } from 'typeorm';
import { onlyUuids, whereWithinAdminArea, type Connection, type PageArgs, whereBetween, whereId, newestFirst } from '@peacegraph/kit/sql';
import {
  DisplacementReportSchema,
  IdmcDisplacementFigureSchema,
  type DisplacementReport,
  type IdmcDisplacementFigure,
} from './displacement-report.entity';

export interface DisplacementReportFilter {
  adminArea?: string | null;
  country?: string | null;
  roundNumber?: number | null;
  organisation?: string | null;
  from?: string | null;
  to?: string | null;
}

export class DisplacementReportRepository {
  private readonly rows: Repository<DisplacementReport>;
  private readonly idmc: Repository<IdmcDisplacementFigure>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(DisplacementReportSchema);
    this.idmc = dataSource.getRepository(IdmcDisplacementFigureSchema);
  }

  byIds(ids: readonly string[]): Promise<DisplacementReport[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  /** Latest data first. */
  list(filter: DisplacementReportFilter, page: PageArgs): Promise<Connection<DisplacementReport>> {
    const query = this.rows.createQueryBuilder('report');
    if (filter.adminArea) whereWithinAdminArea(query, 'report.admin_pcode', filter.adminArea);
    if (filter.country) query.andWhere('report.country_code = :country', { country: filter.country });
    if (filter.roundNumber) query.andWhere('report.round_number = :round', { round: filter.roundNumber });
    if (filter.organisation) whereId(query, 'report.owner_org', filter.organisation, 'organisation');
    whereBetween(query, 'report.data_date', filter.from, filter.to);
    return newestFirst(query, 'data_date', (r) => r.dataDate, page);
  }

  idmcFigures(countryCode: string, fromYear: number | null, toYear: number | null): Promise<IdmcDisplacementFigure[]> {
    const query = this.idmc.createQueryBuilder('f').where('f.country_code = :countryCode', { countryCode });
    if (fromYear !== null) query.andWhere('f.year >= :fromYear', { fromYear });
    if (toYear !== null) query.andWhere('f.year <= :toYear', { toYear });
    return query.orderBy('f.year', 'ASC').getMany();
  }
}
