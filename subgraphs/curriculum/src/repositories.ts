import type { DataSource } from 'typeorm';
import { ActionPlanRepository } from './action-plan/action-plan.repository';
import { CohortRepository } from './cohort/cohort.repository';
import { FacilitatorRepository } from './facilitator/facilitator.repository';
import { MobilisationRepository } from './social-mobilisation/social-mobilisation.repository';
import { ModuleRepository, SessionPlanRepository } from './module/module.repository';
import { ReachRepository } from './reach/reach.repository';
import { SessionDeliveryRepository } from './session-delivery/session-delivery.repository';
import { StaffTrainingRepository } from './staff-training/staff-training.repository';

export interface Repositories {
  modules: ModuleRepository;
  sessionPlans: SessionPlanRepository;
  facilitators: FacilitatorRepository;
  cohorts: CohortRepository;
  deliveries: SessionDeliveryRepository;
  actionPlans: ActionPlanRepository;
  mobilisations: MobilisationRepository;
  staffTrainings: StaffTrainingRepository;
  reach: ReachRepository;
}

export function createRepositories(dataSource: DataSource): Repositories {
  const cohorts = new CohortRepository(dataSource);
  return {
    modules: new ModuleRepository(dataSource),
    sessionPlans: new SessionPlanRepository(dataSource),
    facilitators: new FacilitatorRepository(dataSource),
    cohorts,
    deliveries: new SessionDeliveryRepository(dataSource, cohorts),
    actionPlans: new ActionPlanRepository(dataSource),
    mobilisations: new MobilisationRepository(dataSource),
    staffTrainings: new StaffTrainingRepository(dataSource),
    reach: new ReachRepository(dataSource),
  };
}
