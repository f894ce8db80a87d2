import { In, type DataSource, type Repository } from 'typeorm';
import { onlyUuids } from '@peacegraph/kit/sql';
import { WorkingGroupSchema, type WorkingGroup } from './working-group.entity';

/** A forum's working groups, in the order they were added. */
export class WorkingGroupRepository {
  private readonly rows: Repository<WorkingGroup>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(WorkingGroupSchema);
  }

  byIds(ids: readonly string[]): Promise<WorkingGroup[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  ofForums(forumIds: readonly string[]): Promise<WorkingGroup[]> {
    return this.rows.find({ where: { forumId: In(onlyUuids(forumIds)) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
