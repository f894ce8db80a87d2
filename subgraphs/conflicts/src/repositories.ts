import type { DataSource } from 'typeorm';
import { CaseRecordsRepository } from './conflict-case/case-records.repository';
import { ConflictCaseRepository } from './conflict-case/conflict-case.repository';
import { ConflictStatsRepository } from './statistics/statistics.repository';
import { PeaceCommissionRepository } from './peace-commission/peace-commission.repository';

export interface Repositories {
  commissions: PeaceCommissionRepository;
  cases: ConflictCaseRepository;
  records: CaseRecordsRepository;
  stats: ConflictStatsRepository;
}

export function createRepositories(dataSource: DataSource): Repositories {
  return {
    commissions: new PeaceCommissionRepository(dataSource),
    cases: new ConflictCaseRepository(dataSource),
    records: new CaseRecordsRepository(dataSource),
    stats: new ConflictStatsRepository(dataSource),
  };
}
