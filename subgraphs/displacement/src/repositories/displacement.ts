import type { DataSource } from 'typeorm';
import { AwarenessRepository } from './awareness-repository';
import { DisplacementAggregates } from './displacement-aggregates';
import { DisplacementReportRepository } from './displacement-report-repository';
import { ReintegrationRepository } from './reintegration-repository';

/** The displacement half's repositories: reports and IDMC figures, reintegration, awareness, figures. */
export function createDisplacementRepositories(dataSource: DataSource) {
  return {
    displacementReports: new DisplacementReportRepository(dataSource),
    reintegration: new ReintegrationRepository(dataSource),
    awarenessSessions: new AwarenessRepository(dataSource),
    displacementAggregates: new DisplacementAggregates(dataSource),
  };
}
