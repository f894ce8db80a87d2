import type { Resolvers } from '../generated/resolvers';
import {
  alertMutations,
  alertQueries,
  TranshumanceAlert,
  TranshumanceAlertEvidence,
  TranshumanceAlertRecipient,
  TranshumanceAlertTransition,
} from '../alert/alert.resolvers';
import { AwarenessSession, awarenessMutations, awarenessQueries } from '../awareness/awareness.resolvers';
import { corridorMutations, corridorQueries, TranshumanceCorridor } from '../corridor/corridor.resolvers';
import { AdminArea, Community, Organisation } from '../directory/directory.resolvers';
import {
  DisplacementReport,
  displacementReportMutations,
  displacementReportQueries,
} from '../displacement-report/displacement-report.resolvers';
import { FlowObservation, flowMutations, flowQueries } from '../flow/flow.resolvers';
import { CountingPoint, placeMutations, placeQueries, SensitiveSpot } from '../place/place.resolvers';
import {
  ReintegrationAssistance,
  ReintegrationCase,
  ReintegrationProgramme,
  reintegrationMutations,
  reintegrationQueries,
} from '../reintegration/reintegration.resolvers';
import {
  AwarenessParticipants,
  ReintegrationStatsLine,
  statisticsQueries,
  TranshumanceWeeklyFlow,
} from '../statistics/statistics.resolvers';

/** Every feature's resolvers, merged; the kit adds the scalars and displacementAuditLog. */
export const resolvers: Resolvers = {
  Query: {
    ...displacementReportQueries,
    ...reintegrationQueries,
    ...awarenessQueries,
    ...corridorQueries,
    ...placeQueries,
    ...flowQueries,
    ...alertQueries,
    ...statisticsQueries,
  },
  Mutation: {
    ...displacementReportMutations,
    ...reintegrationMutations,
    ...awarenessMutations,
    ...corridorMutations,
    ...placeMutations,
    ...flowMutations,
    ...alertMutations,
  },
  DisplacementReport,
  ReintegrationProgramme,
  ReintegrationCase,
  ReintegrationAssistance,
  ReintegrationStatsLine,
  AwarenessSession,
  AwarenessParticipants,
  TranshumanceCorridor,
  SensitiveSpot,
  CountingPoint,
  FlowObservation,
  TranshumanceAlert,
  TranshumanceAlertEvidence,
  TranshumanceAlertRecipient,
  TranshumanceAlertTransition,
  TranshumanceWeeklyFlow,
  // The directory's entities, as displacement extends them.
  Community,
  AdminArea,
  Organisation,
};
