import type { MediationSessionResolvers, MutationResolvers } from '../generated/resolvers';
import { discloseHeadcount, ownsCase } from './mediation-session.disclosure';

export const mediationSessionMutations: MutationResolvers = {
  startMediation: (_, { id, version, input }, { mediation }) => mediation.start(id, version, input),
  recordMediationSession: (_, { id, version, input }, { mediation }) => mediation.recordSession(id, version, input),
};

// Counts of people attached to a case: exact for its owner, disclosure-controlled for other partners.
export const MediationSession: MediationSessionResolvers = {
  mediators: (session, _, { viewer }) =>
    discloseHeadcount(session.mediatorsWomen, session.mediatorsMen, ownsCase(viewer, session.ownerOrg)),
  attendance: (session, _, { viewer }) =>
    discloseHeadcount(session.attendanceWomen, session.attendanceMen, ownsCase(viewer, session.ownerOrg)),
};
