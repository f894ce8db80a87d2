import type { DataSource, EntityManager, Repository } from 'typeorm';
import { insertRecords, rowsOfCases, type NewCaseRecord } from '../common/case-record';
import { ResolutionSchema, type Resolution } from './resolution.entity';

/** The resolutions of cases. */
export class ResolutionRepository {
  private readonly rows: Repository<Resolution>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(ResolutionSchema);
  }

  /** Writes the resolution of a case, in the transaction of the case's change, and gives its id. */
  async add(manager: EntityManager, resolution: NewCaseRecord<Resolution>): Promise<string> {
    const [id] = await insertRecords(manager, ResolutionSchema, [resolution]);
    return id!;
  }

  /** The resolutions of many cases at once, in the order they were reached: one statement for all of them. */
  ofCases(caseIds: readonly string[]): Promise<Resolution[]> {
    return rowsOfCases(this.rows, caseIds, { reachedOn: 'ASC', createdAt: 'ASC' });
  }
}
