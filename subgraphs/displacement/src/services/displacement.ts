import type { ServiceDependencies } from '../context';
import { AwarenessSessionService } from './awareness-session-service';
import { DisplacementFiguresService } from './displacement-figures-service';
import { DisplacementReportService } from './displacement-report-service';
import { ReintegrationCaseService } from './reintegration-case-service';
import { ReintegrationProgrammeService } from './reintegration-programme-service';

/** Displacement figures, reintegration programmes and cases, awareness sessions. */
export function createDisplacementServices({ viewer, repositories, loaders, directory, writes }: ServiceDependencies) {
  return {
    displacementReports: new DisplacementReportService(loaders, directory, writes),
    reintegrationProgrammes: new ReintegrationProgrammeService(loaders, directory, writes),
    reintegrationCases: new ReintegrationCaseService(viewer, repositories, loaders, directory, writes),
    awarenessSessions: new AwarenessSessionService(loaders, directory, writes),
    displacementFigures: new DisplacementFiguresService(viewer, repositories),
  };
}
