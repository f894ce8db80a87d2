import type { MiningContext } from '../context';
import type { CommunityConsultation as ConsultationRow } from '../entities';
import { discloseParticipants } from '../services/disclosure';
import { adminAreaRef, communityRef, countryRef, organisationRef, owns } from './references';

type C = MiningContext;

export const CommunityConsultation = {
  community: (consultation: ConsultationRow) => communityRef(consultation.communityId),
  adminArea: (consultation: ConsultationRow) => adminAreaRef(consultation.adminPcode),
  country: (consultation: ConsultationRow) => countryRef(consultation.countryCode),
  site: (consultation: ConsultationRow, _: unknown, { loaders }: C) =>
    consultation.siteId ? loaders.site.load(consultation.siteId) : null,
  participants: async (consultation: ConsultationRow, _: unknown, { loaders, viewer }: C) =>
    discloseParticipants(
      await loaders.groupsOfConsultation.load(consultation.id),
      consultation.participantsTotal,
      owns(viewer, consultation.ownerOrg),
    ),
  recordedBy: (consultation: ConsultationRow) => organisationRef(consultation.ownerOrg),
};
