import type { DataSource, Repository } from 'typeorm';
import { rowsOfCases } from '../common/case-record';
import { ReferralSchema, type Referral } from './referral.entity';

/** The referrals of cases. */
export class ReferralRepository {
  private readonly rows: Repository<Referral>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(ReferralSchema);
  }

  /** The referrals of many cases at once, in the order they were made: one statement for all of them. */
  ofCases(caseIds: readonly string[]): Promise<Referral[]> {
    return rowsOfCases(this.rows, caseIds, { referredOn: 'ASC', createdAt: 'ASC' });
  }
}
