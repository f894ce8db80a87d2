import { CaseStatusChange, MediationSession } from './case-records';
import { ConflictCase } from './conflict-case';
import { entityResolvers } from './entities';
import { Mutation } from './mutation';
import { PeaceCommission } from './peace-commission';
import { Query } from './query';
import { AdminArea, Community, ConflictStatsGroup } from './statistics';

export const resolvers = {
  Query,
  Mutation,
  PeaceCommission: { ...PeaceCommission, ...entityResolvers.PeaceCommission },
  ConflictCase: { ...ConflictCase, ...entityResolvers.ConflictCase },
  CaseStatusChange,
  MediationSession,
  ConflictStatsGroup,
  Community: { ...Community, ...entityResolvers.Community },
  AdminArea: { ...AdminArea, ...entityResolvers.AdminArea },
};
