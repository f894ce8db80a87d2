import { discloseParticipants } from '../common/disclosure';
import { dates } from '../common/filters';
import { adminAreaRef, communityRef, countryRef, organisationRef, owns } from '../common/references';
import type { CommunityConsultationResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers';
import type { ConsultationFilter } from './consultation.repository';

export const consultationQueries: QueryResolvers = {
  communityConsultation: (_, { id }, { loaders }) => loaders.consultation.load(id),
  communityConsultations: (_, args, { repositories }) => repositories.consultations.list(dates<ConsultationFilter>(args.filter), args),
};

export const consultationMutations: MutationResolvers = {
  recordCommunityConsultation: (_, { input }, { consultations }) => consultations.record(input),
  updateCommunityConsultation: (_, { id, version, input }, { consultations }) => consultations.update(id, version, input),
};

export const CommunityConsultation: CommunityConsultationResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.consultation.load(ref.id),
  community: (consultation) => communityRef(consultation.communityId),
  adminArea: (consultation) => adminAreaRef(consultation.adminPcode),
  country: (consultation) => countryRef(consultation.countryCode),
  site: (consultation, _, { loaders }) => (consultation.siteId ? loaders.site.load(consultation.siteId) : null),
  participants: async (consultation, _, { loaders, viewer }) =>
    discloseParticipants(
      await loaders.groupsOfConsultation.load(consultation.id),
      consultation.participantsTotal,
      owns(viewer, consultation.ownerOrg),
    ),
  recordedBy: (consultation) => organisationRef(consultation.ownerOrg),
};
