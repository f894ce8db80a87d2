import type { CommunityConsultationResolvers } from '../generated/resolvers';
import { discloseParticipants } from '../services/disclosure';
import { adminAreaRef, communityRef, countryRef, organisationRef, owns } from './references';

export const CommunityConsultation: CommunityConsultationResolvers = {
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
