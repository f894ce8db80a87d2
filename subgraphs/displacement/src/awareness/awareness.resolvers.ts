import type { AwarenessSession as SessionRow } from './awareness.entity';
import type { AwarenessSessionResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers';
import { discloseSexAndAge } from '../common/disclosure';
import { adminAreaRef, communityRef, organisationRef, ownsRecord, sqlDates } from '../common/references';

export const awarenessQueries: QueryResolvers = {
  awarenessSession: (_, { id }, { loaders }) => loaders.awarenessSession.load(id),
  awarenessSessions: (_, args, { repositories }) => repositories.awarenessSessions.list(sqlDates(args.filter, ['from', 'to']), args),
};

export const awarenessMutations: MutationResolvers = {
  recordAwarenessSession: (_, { input }, { awarenessSessions }) => awarenessSessions.record(input),
  updateAwarenessSession: (_, { id, version, input }, { awarenessSessions }) => awarenessSessions.update(id, version, input),
};

/** Participants of one session, in the shape of the aggregate (exact for the owner). */
export function sessionParticipants(session: SessionRow, exact: boolean) {
  return {
    exact,
    sessions: 1,
    ...discloseSexAndAge(
      session.participants.map((g) => ({ sex: g.sex, ageGroup: g.ageGroup, count: g.people })),
      exact,
    ),
  };
}

export const AwarenessSession: AwarenessSessionResolvers = {
  community: (session) => communityRef(session.communityId),
  adminArea: (session) => adminAreaRef(session.adminPcode),
  country: (session) => session.countryCode,
  participants: (session, _, { viewer }) => sessionParticipants(session, ownsRecord(viewer, session.ownerOrg)),
  facilitators: (session) => session.facilitatorIds.map(organisationRef),
  recordedBy: (session) => organisationRef(session.ownerOrg),
};
