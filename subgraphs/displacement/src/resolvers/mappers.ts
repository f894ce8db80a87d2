/**
 * What the resolvers of each GraphQL type receive as parent and return: the rows, not the SDL's shapes.
 * `npm run codegen` reads every `<GraphQLType>Mapper` exported here into src/generated/resolvers.ts;
 * connections are the kit's `Connection` of their node's type without being listed. The directory's
 * entities are mapped in src/directory/directory.mappers.ts.
 */
import type { AlertRecipient, AlertTransition, TranshumanceAlert } from '../alert/alert.entity';
import type { AwarenessSession } from '../awareness/awareness.entity';
import type { CountingPoint, SensitiveSpot } from '../place/place.entity';
import type { DisplacementReport } from '../displacement-report/displacement-report.entity';
import type { FlowObservation } from '../flow/flow.entity';
import type { ReintegrationAssistance, ReintegrationCase, ReintegrationProgramme } from '../reintegration/reintegration.entity';
import type { TranshumanceCorridor } from '../corridor/corridor.entity';
import type { DisplacementFiguresService } from '../statistics/displacement-figures.service';
import type { AlertEvidence } from '../alert/early-action.rules';
import type { CaseloadFigures } from '../statistics/reintegration-caseload';
import type { TranshumanceAggregates } from '../statistics/transhumance-figures.service';

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
