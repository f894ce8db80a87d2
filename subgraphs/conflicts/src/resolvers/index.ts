import { CaseStatusChange, MediationSession } from '../mediation-session/mediation-session.resolvers';
import { ConflictCase } from '../conflict-case/conflict-case.resolvers';
import { entityResolvers } from '../directory-entities/directory-entities.resolvers';
import { Mutation } from './mutation';
import { PeaceCommission } from '../peace-commission/peace-commission.resolvers';
import { Query } from './query';
import { AdminArea, Community, ConflictStatsGroup } from '../statistics/statistics.resolvers';

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
