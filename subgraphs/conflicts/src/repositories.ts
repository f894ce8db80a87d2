import type { DataSource } from 'typeorm';
import { ConflictCaseRepository } from './conflict-case/conflict-case.repository';
import { FollowUpRepository } from './follow-up/follow-up.repository';
import { MediationSessionRepository } from './mediation-session/mediation-session.repository';
import { ConflictStatsRepository } from './statistics/statistics.repository';
import { PeaceCommissionRepository } from './peace-commission/peace-commission.repository';
import { ReferralRepository } from './referral/referral.repository';
import { ResolutionRepository } from './resolution/resolution.repository';

export interface Repositories {
  commissions: PeaceCommissionRepository;
  cases: ConflictCaseRepository;
  sessions: MediationSessionRepository;
  referrals: ReferralRepository;
  resolutions: ResolutionRepository;
  followUps: FollowUpRepository;
  stats: ConflictStatsRepository;
}

export function createRepositories(dataSource: DataSource): Repositories {
  return {
    commissions: new PeaceCommissionRepository(dataSource),
    cases: new ConflictCaseRepository(dataSource),
    sessions: new MediationSessionRepository(dataSource),
    referrals: new ReferralRepository(dataSource),
    resolutions: new ResolutionRepository(dataSource),
    followUps: new FollowUpRepository(dataSource),
    stats: new ConflictStatsRepository(dataSource),
  };
}
