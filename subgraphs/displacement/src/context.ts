import { type AuditRecorder } from '@peacegraph/kit/audit';
import { type Viewer } from '@peacegraph/kit/auth';
import { ReferenceChecks } from '@peacegraph/kit/input';
import { type PolicyContext } from '@peacegraph/kit/policy';
import { RecordWrites } from '@peacegraph/kit/writes';
import type { DataSource } from 'typeorm';
import { AlertService } from './alert/alert.service';
import { EarlyActionService } from './alert/early-action.service';
import { AwarenessSessionService } from './awareness/awareness.service';
import { CorridorService } from './corridor/corridor.service';
import { DisplacementReportService } from './displacement-report/displacement-report.service';
import { FlowService } from './flow/flow.service';
import { clearLoaders, createLoaders, type Loaders } from './loaders';
import { PlaceService } from './place/place.service';
import { ReintegrationCaseService } from './reintegration/reintegration-case.service';
import { ReintegrationProgrammeService } from './reintegration/reintegration-programme.service';
import { createRepositories, type Repositories } from './repositories';
import { DisplacementFiguresService } from './statistics/displacement-figures.service';
import { TranshumanceAggregates } from './statistics/transhumance-figures.service';

export interface DisplacementContext extends PolicyContext {
  dataSource: DataSource;
  loaders: Loaders;
  repositories: Repositories;
  displacementReports: DisplacementReportService;
  reintegrationProgrammes: ReintegrationProgrammeService;
  reintegrationCases: ReintegrationCaseService;
  awarenessSessions: AwarenessSessionService;
  displacementFigures: DisplacementFiguresService;
  transhumanceCorridors: CorridorService;
  transhumancePlaces: PlaceService;
  transhumanceFlows: FlowService;
  transhumanceEarlyAction: EarlyActionService;
  transhumanceAlerts: AlertService;
  transhumanceAggregates: TranshumanceAggregates;
}

/** Per request: the verified caller, fresh loaders and directory lookups, services bound to them. */
export function createContextFactory(dataSource: DataSource, directoryUrl: string) {
  const repositories = createRepositories(dataSource);
  return async (viewer: Viewer, audit: AuditRecorder): Promise<DisplacementContext> => {
    const loaders = createLoaders(repositories, viewer);
    const directory = ReferenceChecks.at(directoryUrl);
    // The kit's one write path (scope displacement:write, owner, version, audit, retries). A write clears
    // the request's loaders, so the next mutation of the request validates against what this one wrote.
    const writes = new RecordWrites('displacement', dataSource, viewer, audit, () => clearLoaders(loaders));
    const earlyAction = new EarlyActionService(dataSource, repositories, loaders, writes);
    return {
      viewer,
      audit,
      dataSource,
      loaders,
      repositories,
      displacementReports: new DisplacementReportService(loaders, directory, writes),
      reintegrationProgrammes: new ReintegrationProgrammeService(loaders, directory, writes),
      reintegrationCases: new ReintegrationCaseService(viewer, repositories, loaders, directory, writes),
      awarenessSessions: new AwarenessSessionService(loaders, directory, writes),
      displacementFigures: new DisplacementFiguresService(viewer, repositories),
      transhumanceCorridors: new CorridorService(loaders, directory, writes),
      transhumancePlaces: new PlaceService(loaders, directory, writes),
      transhumanceFlows: new FlowService(repositories, loaders, directory, writes, earlyAction),
      transhumanceEarlyAction: earlyAction,
      transhumanceAlerts: new AlertService(loaders, directory, writes),
      transhumanceAggregates: new TranshumanceAggregates(viewer, repositories),
    };
  };
}
