import { CaseStatusChange, ConflictCase, conflictCaseMutations, conflictCaseQueries } from '../conflict-case/conflict-case.resolvers';
import { AdminArea, Community } from '../directory-entities/directory-entities.resolvers';
import { followUpMutations } from '../follow-up/follow-up.resolvers';
import type { Resolvers } from '../generated/resolvers';
import { MediationSession, mediationSessionMutations } from '../mediation-session/mediation-session.resolvers';
import { PeaceCommission, peaceCommissionMutations, peaceCommissionQueries } from '../peace-commission/peace-commission.resolvers';
import { referralMutations } from '../referral/referral.resolvers';
import { resolutionMutations } from '../resolution/resolution.resolvers';
import { ConflictStatsGroup, statisticsQueries } from '../statistics/statistics.resolvers';

/** Every feature's resolvers, merged; the kit adds the scalars and conflictsAuditLog. */
export const resolvers: Resolvers = {
  Query: {
    ...peaceCommissionQueries,
    ...conflictCaseQueries,
    ...statisticsQueries,
  },
  Mutation: {
    ...peaceCommissionMutations,
    ...conflictCaseMutations,
    ...mediationSessionMutations,
    ...referralMutations,
    ...resolutionMutations,
    ...followUpMutations,
  },
  PeaceCommission,
  ConflictCase,
  CaseStatusChange,
  MediationSession,
  ConflictStatsGroup,
  // The directory's entities, with the fields conflicts adds to them.
  Community,
  AdminArea,
};
