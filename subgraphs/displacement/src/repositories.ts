import type { DataSource } from 'typeorm';
import { AlertRepository } from './alert/alert.repository';
import { AwarenessRepository } from './awareness/awareness.repository';
import { CorridorRepository } from './corridor/corridor.repository';
import { DisplacementReportRepository } from './displacement-report/displacement-report.repository';
import { FlowRepository } from './flow/flow.repository';
import { CountingPointRepository, SpotRepository } from './place/place.repository';
import { ReintegrationRepository } from './reintegration/reintegration.repository';
import { CaseloadCache } from './statistics/caseload-cache';
import { DisplacementAggregates } from './statistics/statistics.repository';

/** The only code that touches TypeORM: one repository per aggregate, made once per subgraph. */
export function createRepositories(dataSource: DataSource) {
  const displacementAggregates = new DisplacementAggregates(dataSource);
  return {
    displacementReports: new DisplacementReportRepository(dataSource),
    reintegration: new ReintegrationRepository(dataSource),
    awarenessSessions: new AwarenessRepository(dataSource),
    displacementAggregates,
    /** Caseloads with their disclosure pattern, kept by the process while the rollup's version stays (caseload-cache.ts). */
    reintegrationCaseloads: new CaseloadCache(displacementAggregates),
    transhumanceCorridors: new CorridorRepository(dataSource),
    sensitiveSpots: new SpotRepository(dataSource),
    countingPoints: new CountingPointRepository(dataSource),
    flowObservations: new FlowRepository(dataSource),
    transhumanceAlerts: new AlertRepository(dataSource),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
