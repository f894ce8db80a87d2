import { ReferenceChecks } from '@peacegraph/kit/input';
import { perRequest, type RequestContext } from '@peacegraph/kit/server';
import type { DataSource } from 'typeorm';
import { AlertService } from './alert/alert.service';
import { EarlyActionService } from './alert/early-action.service';
import { AwarenessSessionService } from './awareness/awareness.service';
import { CorridorService } from './corridor/corridor.service';
import { DisplacementReportService } from './displacement-report/displacement-report.service';
import { FlowService } from './flow/flow.service';
import { createLoaders, type Loaders } from './loaders';
import { PlaceService } from './place/place.service';
import { ReintegrationCaseService } from './reintegration/reintegration-case.service';
import { ReintegrationProgrammeService } from './reintegration/reintegration-programme.service';
import { createRepositories, type Repositories } from './repositories';
import { DisplacementFiguresService } from './statistics/displacement-figures.service';
import { TranshumanceAggregates } from './statistics/transhumance-figures.service';

export interface DisplacementContext extends RequestContext<Repositories, Loaders> {
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

/** Per request: the kit's basics (caller, fresh loaders, writes), directory lookups, services bound to them. */
export function createContextFactory(dataSource: DataSource, directoryUrl: string) {
  const repositories = createRepositories(dataSource);
  return perRequest<DisplacementContext>(
    { name: 'displacement', dataSource, repositories, loaders: createLoaders },
    ({ viewer, loaders, writes }) => {
      const directory = ReferenceChecks.at(directoryUrl);
      const earlyAction = new EarlyActionService(repositories, loaders, writes);
      return {
        displacementReports: new DisplacementReportService(loaders, directory, writes),
        reintegrationProgrammes: new ReintegrationProgrammeService(loaders, directory, writes),
        reintegrationCases: new ReintegrationCaseService(viewer, repositories, loaders, directory, writes),
        awarenessSessions: new AwarenessSessionService(loaders, directory, writes),
        displacementFigures: new DisplacementFiguresService(viewer, repositories),
        transhumanceCorridors: new CorridorService(repositories, loaders, directory, writes),
        transhumancePlaces: new PlaceService(loaders, directory, writes),
        transhumanceFlows: new FlowService(repositories, loaders, directory, writes, earlyAction),
        transhumanceEarlyAction: earlyAction,
        transhumanceAlerts: new AlertService(repositories, loaders, directory, writes),
        transhumanceAggregates: new TranshumanceAggregates(viewer, repositories),
      };
    },
  );
}
