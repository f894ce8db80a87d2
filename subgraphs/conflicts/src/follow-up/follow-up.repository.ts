import { updateWithVersion } from '@peacegraph/kit/writes';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { insertRecords, rowsOfCases, type NewCaseRecord } from '../common/case-record';
import { FollowUpCheckSchema, type FollowUpCheck } from './follow-up.entity';

/** The follow-up checks of cases. */
export class FollowUpRepository {
  private readonly rows: Repository<FollowUpCheck>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(FollowUpCheckSchema);
  }

  /** Writes follow-up checks of a case, in the transaction of the case's change, and gives their ids in order. */
  add(manager: EntityManager, checks: readonly NewCaseRecord<FollowUpCheck>[]): Promise<string[]> {
    return insertRecords(manager, FollowUpCheckSchema, checks);
  }

  /** Records a scheduled check as held, at the version read, in the transaction of the case's change; gives its id. */
  async hold(
    manager: EntityManager,
    scheduled: FollowUpCheck,
    held: Pick<FollowUpCheck, 'heldOn' | 'finding' | 'notes'>,
  ): Promise<string[]> {
    await updateWithVersion(manager, FollowUpCheckSchema, 'FollowUpCheck', scheduled.id, scheduled.version, held);
    return [scheduled.id];
  }

  /** The follow-up checks of many cases at once, by due date (unscheduled last): one statement for all. */
  ofCases(caseIds: readonly string[]): Promise<FollowUpCheck[]> {
    return rowsOfCases(this.rows, caseIds, { dueOn: { direction: 'ASC', nulls: 'LAST' }, heldOn: 'ASC', createdAt: 'ASC' });
  }
}
