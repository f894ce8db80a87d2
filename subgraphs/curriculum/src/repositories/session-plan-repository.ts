import { In, type DataSource, type Repository } from 'typeorm';
import { onlyUuids } from '@peacegraph/kit/sql';
import { SessionPlanSchema, type SessionPlan } from '../entities';

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
