import { ReferenceChecks } from '@peacegraph/kit/input';
import { perRequest, type RequestContext } from '@peacegraph/kit/server';
import type { DataSource } from 'typeorm';
import { createLoaders, type Loaders } from './loaders';
import { createRepositories, type Repositories } from './repositories';
import { ActionPlanService } from './action-plan/action-plan.service';
import { CohortService } from './cohort/cohort.service';
import { DeliveryService } from './session-delivery/session-delivery.service';
import { FacilitatorService } from './facilitator/facilitator.service';
import { MobilisationService } from './social-mobilisation/social-mobilisation.service';
import { ModuleService } from './module/module.service';
import { ReachService } from './reach/reach.service';
import { StaffTrainingService } from './staff-training/staff-training.service';

export interface CurriculumContext extends RequestContext<Repositories, Loaders> {
  modules: ModuleService;
  facilitators: FacilitatorService;
  cohorts: CohortService;
  deliveries: DeliveryService;
  actionPlans: ActionPlanService;
  mobilisations: MobilisationService;
  staffTrainings: StaffTrainingService;
  reach: ReachService;
}

/** Per request: the kit's basics (caller, fresh loaders, writes), directory lookups, services bound to them. */
export function createContextFactory(dataSource: DataSource, directoryUrl: string) {
  const repositories = createRepositories(dataSource);
  return perRequest<CurriculumContext>(
    { name: 'curriculum', dataSource, repositories, loaders: createLoaders },
    ({ viewer, loaders, writes }) => {
      const directory = ReferenceChecks.at(directoryUrl);
      return {
        modules: new ModuleService(repositories, loaders, writes),
        facilitators: new FacilitatorService(loaders, directory, writes),
        cohorts: new CohortService(loaders, directory, writes),
        deliveries: new DeliveryService(repositories, loaders, writes),
        actionPlans: new ActionPlanService(repositories, loaders, writes),
        mobilisations: new MobilisationService(loaders, directory, writes),
        staffTrainings: new StaffTrainingService(repositories, loaders, directory, writes),
        reach: new ReachService(repositories, viewer),
      };
    },
  );
}
