import type { DataSource, Repository } from 'typeorm';
import { rowsOfCases } from '../common/case-record';
import { ResolutionSchema, type Resolution } from './resolution.entity';

/** The resolutions of cases. */
export class ResolutionRepository {
  private readonly rows: Repository<Resolution>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(ResolutionSchema);
  }

  /** The resolutions of many cases at once, in the order they were reached: one statement for all of them. */
  ofCases(caseIds: readonly string[]): Promise<Resolution[]> {
    return rowsOfCases(this.rows, caseIds, { reachedOn: 'ASC', createdAt: 'ASC' });
  }
}
