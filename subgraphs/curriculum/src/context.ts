import { type AuditRecorder } from '@peacegraph/kit/audit';
import { type Viewer } from '@peacegraph/kit/auth';
import { ReferenceChecks } from '@peacegraph/kit/input';
import { type PolicyContext } from '@peacegraph/kit/policy';
import { RecordWrites } from '@peacegraph/kit/writes';
import type { DataSource } from 'typeorm';
import { clearLoaders, createLoaders, type Loaders } from './loaders';
import { createRepositories, type Repositories } from './repositories';
import { ActionPlanService } from './action-plan/action-plan.service';
import { CohortService } from './cohort/cohort.service';
import { DeliveryService } from './session-delivery/session-delivery.service';
import { FacilitatorService } from './facilitator/facilitator.service';
import { MobilisationService } from './social-mobilisation/social-mobilisation.service';
import { ModuleService } from './module/module.service';
import { ReachService } from './reach/reach.service';
import { StaffTrainingService } from './staff-training/staff-training.service';

export interface CurriculumContext extends PolicyContext {
  dataSource: DataSource;
  loaders: Loaders;
  repositories: Repositories;
  modules: ModuleService;
  facilitators: FacilitatorService;
  cohorts: CohortService;
  deliveries: DeliveryService;
  actionPlans: ActionPlanService;
  mobilisations: MobilisationService;
  staffTrainings: StaffTrainingService;
  reach: ReachService;
}

/** Per request: the verified caller, fresh loaders and directory lookups, services bound to them. */
export function createContextFactory(dataSource: DataSource, directoryUrl: string) {
  const repositories = createRepositories(dataSource);
  return async (viewer: Viewer, audit: AuditRecorder): Promise<CurriculumContext> => {
    const loaders = createLoaders(repositories);
    const directory = ReferenceChecks.at(directoryUrl);
    // The kit's one write path (scope curriculum:write, owner, version, audit, retries). A write clears the
    // request's loaders, so the next mutation of the request validates against what this one wrote.
    const writes = new RecordWrites('curriculum', dataSource, viewer, audit, () => clearLoaders(loaders));
    return {
      viewer,
      audit,
      dataSource,
      loaders,
      repositories,
      modules: new ModuleService(repositories, loaders, writes),
      facilitators: new FacilitatorService(loaders, directory, writes),
      cohorts: new CohortService(loaders, directory, writes),
      deliveries: new DeliveryService(repositories, loaders, writes),
      actionPlans: new ActionPlanService(loaders, writes),
      mobilisations: new MobilisationService(loaders, directory, writes),
      staffTrainings: new StaffTrainingService(loaders, directory, writes),
      reach: new ReachService(repositories, viewer),
    };
  };
}
