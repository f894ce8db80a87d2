import { updateWithVersion } from '@peacegraph/kit/writes';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { insertRecords, rowsOfCases, type NewCaseRecord } from '../common/case-record';
import { ReferralSchema, type Referral } from './referral.entity';

/** The referrals of cases. */
export class ReferralRepository {
  private readonly rows: Repository<Referral>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(ReferralSchema);
  }

  /** Writes a referral of a case, in the transaction of the case's change, and gives its id. */
  add(manager: EntityManager, referral: NewCaseRecord<Referral>): Promise<string[]> {
    return insertRecords(manager, ReferralSchema, [referral]);
  }

  /** Records the answer to a referral, at the version read, in the transaction of the case's change; gives its id. */
  async recordFeedback(manager: EntityManager, referral: Referral, answer: Pick<Referral, 'feedbackOn' | 'feedback'>): Promise<string[]> {
    await updateWithVersion(manager, ReferralSchema, 'Referral', referral.id, referral.version, answer);
    return [referral.id];
  }

  /** The referrals of many cases at once, in the order they were made: one statement for all of them. */
  ofCases(caseIds: readonly string[]): Promise<Referral[]> {
    return rowsOfCases(this.rows, caseIds, { referredOn: 'ASC', createdAt: 'ASC' });
  }
}
