import type { DataSource, Repository } from 'typeorm';
import { rowsOfCases } from '../common/case-record';
import { FollowUpCheckSchema, type FollowUpCheck } from './follow-up.entity';

/** The follow-up checks of cases. */
export class FollowUpRepository {
  private readonly rows: Repository<FollowUpCheck>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(FollowUpCheckSchema);
  }

  /** The follow-up checks of many cases at once, by due date (unscheduled last): one statement for all. */
  ofCases(caseIds: readonly string[]): Promise<FollowUpCheck[]> {
    return rowsOfCases(this.rows, caseIds, { dueOn: { direction: 'ASC', nulls: 'LAST' }, heldOn: 'ASC', createdAt: 'ASC' });
  }
}
