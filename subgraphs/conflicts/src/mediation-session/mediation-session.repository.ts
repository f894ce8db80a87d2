import type { DataSource, Repository } from 'typeorm';
import { rowsOfCases } from '../common/case-record';
import { MediationSessionSchema, type MediationSession } from './mediation-session.entity';

/** The mediation sessions of cases. */
export class MediationSessionRepository {
  private readonly rows: Repository<MediationSession>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(MediationSessionSchema);
  }

  /** The mediation sessions of many cases at once, in the order they were held: one statement for all of them. */
  ofCases(caseIds: readonly string[]): Promise<MediationSession[]> {
    return rowsOfCases(this.rows, caseIds, { heldOn: 'ASC', createdAt: 'ASC' });
  }
}
