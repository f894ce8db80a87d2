import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import {
  onlyUuids,
  pageSize,
  whereWithinAdminArea,
  type Connection,
  type PageArgs,
  whereBetween,
  whereId,
  newestFirst,
  latestOfEach,
} from '@peacegraph/kit/sql';
import { CommunityActionPlanSchema, PlannedActionSchema, type CommunityActionPlan, type PlannedAction } from './action-plan.entity';
import type { ActionValues } from './action-plan.rules';

export interface ActionPlanFilter {
  cohort?: string | null;
  community?: string | null;
  country?: string | null;
  adminArea?: string | null;
  organisation?: string | null;
  from?: string | null;
  to?: string | null;
}

export class ActionPlanRepository {
  private readonly plans: Repository<CommunityActionPlan>;
  private readonly actions: Repository<PlannedAction>;

  constructor(dataSource: DataSource) {
    this.plans = dataSource.getRepository(CommunityActionPlanSchema);
    this.actions = dataSource.getRepository(PlannedActionSchema);
  }

  byIds(ids: readonly string[]): Promise<CommunityActionPlan[]> {
    return this.plans.findBy({ id: In(onlyUuids(ids)) });
  }

  ofCohorts(cohortIds: readonly string[]): Promise<CommunityActionPlan[]> {
    return this.plans.findBy({ cohortId: In(onlyUuids(cohortIds)) });
  }

  list(filter: ActionPlanFilter, page: PageArgs): Promise<Connection<CommunityActionPlan>> {
    const query = this.plans.createQueryBuilder('plan');
    if (filter.cohort) whereId(query, 'plan.cohort_id', filter.cohort, 'cohort');
    if (filter.community) whereId(query, 'plan.community_id', filter.community, 'community');
    if (filter.country) query.andWhere('plan.country_code = :country', { country: filter.country });
    if (filter.adminArea) whereWithinAdminArea(query, 'plan.admin_pcode', filter.adminArea);
    if (filter.organisation) whereId(query, 'plan.owner_org', filter.organisation, 'organisation');
    whereBetween(query, 'plan.adopted_on', filter.from ?? null, filter.to ?? null);
    return newestFirst(query, 'adopted_on', (p) => p.adoptedOn, page);
  }

  /** The latest action plans of each community. */
  ofCommunities(communityIds: readonly string[], first: number | null | undefined): Promise<CommunityActionPlan[]> {
    return latestOfEach(
      this.plans.createQueryBuilder('plan'),
      { table: 'community_action_plan', parent: 'community_id', date: 'adopted_on' },
      { ids: onlyUuids(communityIds), first: pageSize(first) },
    );
  }

  /**
   * Writes the actions a plan is adopted with, in the transaction of the plan's creation, owned and
   * authored as the plan is; gives their ids, for the audit row.
   */
  async addActionsOfNewPlan(manager: EntityManager, plan: CommunityActionPlan, actions: readonly ActionValues[]): Promise<string[]> {
    const rows = manager.getRepository(PlannedActionSchema);
    const created = await rows.save(
      actions.map((action) =>
        rows.create({ ...action, actionPlanId: plan.id, ownerOrg: plan.ownerOrg, createdBy: plan.createdBy, clientMutationId: null }),
      ),
    );
    return created.map((a) => a.id);
  }

  actionsByIds(ids: readonly string[]): Promise<PlannedAction[]> {
    return this.actions.findBy({ id: In(onlyUuids(ids)) });
  }

  /** Every action of each plan, by due date (a plan holds at most 50). */
  actionsOfPlans(planIds: readonly string[]): Promise<PlannedAction[]> {
    return this.actions.find({ where: { actionPlanId: In(onlyUuids(planIds)) }, order: { dueOn: 'ASC', id: 'ASC' } });
  }
}
