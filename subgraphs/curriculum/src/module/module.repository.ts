import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { keysetConnection, onlyUuids, type Connection, type PageArgs } from '@peacegraph/kit/sql';
import { ModuleSchema, SessionPlanSchema, type Module, type SessionPlan } from './module.entity';

export class ModuleRepository {
  private readonly rows: Repository<Module>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(ModuleSchema);
  }

  byIds(ids: readonly string[]): Promise<Module[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  list(page: PageArgs): Promise<Connection<Module>> {
    return keysetConnection(
      this.rows.createQueryBuilder('module'),
      {
        keys: [
          { expression: 'module.title', type: 'text', value: (m) => m.title },
          { expression: 'module.id', type: 'uuid', value: (m) => m.id },
        ],
      },
      page,
    );
  }

  /**
   * The module's plans and the cohorts delivering it, counted under its row lock (FOR UPDATE, to the
   * end of the transaction): a plan added to the module waits for it, and so does a cohort created on
   * it, whose foreign key takes KEY SHARE on the module row.
   */
  async lockedForPlans(manager: EntityManager, moduleId: string): Promise<{ plans: number; cohorts: number }> {
    await manager.query(`SELECT 1 FROM module WHERE id = $1 FOR UPDATE`, [moduleId]);
    const [row] = (await manager.query(
      `SELECT (SELECT count(*)::int FROM session_plan WHERE module_id = $1) AS plans, (SELECT count(*)::int FROM cohort WHERE module_id = $1) AS cohorts`,
      [moduleId],
    )) as { plans: number; cohorts: number }[];
    return row!;
  }
}

export class SessionPlanRepository {
  private readonly rows: Repository<SessionPlan>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(SessionPlanSchema);
  }

  byIds(ids: readonly string[]): Promise<SessionPlan[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  ofModules(moduleIds: readonly string[]): Promise<SessionPlan[]> {
    return this.rows.find({ where: { moduleId: In(onlyUuids(moduleIds)) }, order: { number: 'ASC' } });
  }
}
