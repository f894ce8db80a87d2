import type { Resolvers } from '../generated/resolvers';
import { AwarenessParticipants, AwarenessSession, awarenessMutations, awarenessQueries } from '../awareness/awareness.resolvers';
import { displacementDirectoryFields } from '../directory/directory.resolvers';
import {
  DisplacementReport,
  displacementReportMutations,
  displacementReportQueries,
} from '../displacement-report/displacement-report.resolvers';
import {
  ReintegrationAssistance,
  ReintegrationCase,
  ReintegrationProgramme,
  ReintegrationStatsLine,
  reintegrationMutations,
  reintegrationQueries,
} from '../reintegration/reintegration.resolvers';

/** Resolvers of displacement figures, reintegration and awareness sessions, by GraphQL type. */
export const displacementResolvers: Resolvers = {
  Query: { ...displacementReportQueries, ...reintegrationQueries, ...awarenessQueries },
  Mutation: { ...displacementReportMutations, ...reintegrationMutations, ...awarenessMutations },
  ...displacementDirectoryFields,
  DisplacementReport,
  ReintegrationProgramme,
  ReintegrationCase,
  ReintegrationAssistance,
  ReintegrationStatsLine,
  AwarenessSession,
  AwarenessParticipants,
};
