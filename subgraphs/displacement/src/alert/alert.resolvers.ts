import { loadPresent } from '@peacegraph/kit/sql';
import type {
  MutationResolvers,
  QueryResolvers,
  TranshumanceAlertEvidenceResolvers,
  TranshumanceAlertRecipientResolvers,
  TranshumanceAlertResolvers,
  TranshumanceAlertTransitionResolvers,
} from '../generated/resolvers';
import { optionalAdminAreaRef, optionalOrganisationRef, organisationRef } from '../common/references';
import { headsOf } from '../common/transhumance-values';
import { alertFilter } from './alert.rules';
import { EARLY_ACTION_DEFAULTS } from './early-action-settings';

export const alertQueries: QueryResolvers = {
  transhumanceAlert: (_, { id }, { loaders }) => loaders.transhumanceAlert.load(id),
  transhumanceAlerts: (_, args, { repositories }) => repositories.transhumanceAlerts.list(alertFilter(args.filter), args),
  transhumanceEarlyActionDefaults: () => EARLY_ACTION_DEFAULTS,
};

export const alertMutations: MutationResolvers = {
  raiseTranshumanceAlert: (_, { input }, { transhumanceAlerts }) => transhumanceAlerts.raise(input),
  verifyTranshumanceAlert: (_, { id, version, input }, { transhumanceAlerts }) => transhumanceAlerts.verify(id, version, input),
  disseminateTranshumanceAlert: (_, { id, version, input }, { transhumanceAlerts }) => transhumanceAlerts.disseminate(id, version, input),
  recordTranshumanceAlertResponse: (_, { id, version, input }, { transhumanceAlerts }) =>
    transhumanceAlerts.recordResponse(id, version, input),
  closeTranshumanceAlert: (_, { id, version, input }, { transhumanceAlerts }) => transhumanceAlerts.close(id, version, input),
};

export const TranshumanceAlert: TranshumanceAlertResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.transhumanceAlert.load(ref.id),
  organisation: (a) => organisationRef(a.ownerOrg),
  spot: (a, _, { loaders }) => (a.spotId ? loaders.transhumanceSpot.load(a.spotId) : null),
  corridor: (a, _, { loaders }) => (a.corridorId ? loaders.transhumanceCorridor.load(a.corridorId) : null),
  adminArea: (a) => optionalAdminAreaRef(a.adminPcode),
  herd: headsOf,
  recipients: (a, _, { loaders }) => loaders.transhumanceRecipientsOfAlert.load(a.id),
  history: (a, _, { loaders }) => loaders.transhumanceHistoryOfAlert.load(a.id),
};

export const TranshumanceAlertEvidence: TranshumanceAlertEvidenceResolvers = {
  observations: (e, _, { loaders }) => loadPresent(loaders.transhumanceObservation, e.observationIds),
  countingPoint: (e, _, { loaders }) => loaders.transhumanceCountingPoint.load(e.countingPointId),
};

export const TranshumanceAlertRecipient: TranshumanceAlertRecipientResolvers = {
  organisation: (r) => optionalOrganisationRef(r.organisationId),
};

export const TranshumanceAlertTransition: TranshumanceAlertTransitionResolvers = {
  from: (t) => t.fromStatus,
  to: (t) => t.toStatus,
  actorOrganisation: (t) => optionalOrganisationRef(t.actorOrg),
};
