import type { DataSource, EntityManager, Repository } from 'typeorm';
import { insertRecords, rowsOfCases, type NewCaseRecord } from '../common/case-record';
import { MediationSessionSchema, type MediationSession } from './mediation-session.entity';

/** The mediation sessions of cases. */
export class MediationSessionRepository {
  private readonly rows: Repository<MediationSession>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(MediationSessionSchema);
  }

  /** Writes a session held on a case, in the transaction of the case's change, and gives its id. */
  add(manager: EntityManager, session: NewCaseRecord<MediationSession>): Promise<string[]> {
    return insertRecords(manager, MediationSessionSchema, [session]);
  }

  /** The mediation sessions of many cases at once, in the order they were held: one statement for all of them. */
  ofCases(caseIds: readonly string[]): Promise<MediationSession[]> {
    return rowsOfCases(this.rows, caseIds, { heldOn: 'ASC', createdAt: 'ASC' });
  }
}
