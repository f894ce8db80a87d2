/**
 * What the resolvers of each GraphQL type receive as parent and return: the rows, not the SDL's shapes.
 * `npm run codegen` reads every `<GraphQLType>Mapper` exported here into src/generated/resolvers.ts;
 * connections are the kit's `Connection` of their node's type without being listed.
 */
import type {
  AlertRecipient,
  AlertTransition,
  AwarenessSession,
  CountingPoint,
  DisplacementReport,
  FlowObservation,
  ReintegrationAssistance,
  ReintegrationCase,
  ReintegrationProgramme,
  SensitiveSpot,
  TranshumanceAlert,
  TranshumanceCorridor,
} from '../entities';
import type { DisplacementFiguresService } from '../services/displacement-figures-service';
import type { AlertEvidence } from '../services/early-action';
import type { CaseloadFigures } from '../services/reintegration-caseload';
import type { TranshumanceAggregates } from '../services/transhumance/aggregate-service';

// The directory's entities: displacement holds their keys only, and a community's coordinates when
// the gateway sends them (@requires).
export type CommunityMapper = { id: string; latitude?: number | null; longitude?: number | null };
export type AdminAreaMapper = { pcode: string };
export type OrganisationMapper = { id: string };

export type DisplacementReportMapper = DisplacementReport;
export type ReintegrationProgrammeMapper = ReintegrationProgramme;
export type ReintegrationCaseMapper = ReintegrationCase;
export type ReintegrationAssistanceMapper = ReintegrationAssistance;
export type AwarenessSessionMapper = AwarenessSession;

export type TranshumanceCorridorMapper = TranshumanceCorridor;
export type SensitiveSpotMapper = SensitiveSpot;
export type CountingPointMapper = CountingPoint;
export type FlowObservationMapper = FlowObservation;
export type TranshumanceAlertMapper = TranshumanceAlert;
export type TranshumanceAlertEvidenceMapper = AlertEvidence;
export type TranshumanceAlertRecipientMapper = AlertRecipient;
export type TranshumanceAlertTransitionMapper = AlertTransition;

// Figures as the services compute them; the resolvers name their keys and rename their cells.
export type ReintegrationStatsLineMapper = Awaited<ReturnType<DisplacementFiguresService['reintegrationStats']>>['areas'][number];
// A kind of the caseload's breakdowns (REINTEGRATION_ASSISTANCE_KINDS), held as text: graphql-js checks it on the way out.
export type ReintegrationAssistanceCountMapper = CaseloadFigures['assistance'][number];
export type AwarenessParticipantsMapper = Awaited<ReturnType<DisplacementFiguresService['awarenessParticipants']>>;
export type TranshumanceWeeklyFlowMapper = Awaited<ReturnType<TranshumanceAggregates['flows']>>[number];
