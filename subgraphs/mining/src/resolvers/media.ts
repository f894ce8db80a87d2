import type { MediaInterventionResolvers, PublicationResolvers } from '../generated/resolvers';
import { provisionsInOrder } from '../services/covered-provisions';
import { adminAreaRef, languageRef, organisationRef } from './references';

export const MediaIntervention: MediaInterventionResolvers = {
  language: (media) => languageRef(media.languageCode),
  regionsReached: (media) => media.regionsReached.map(adminAreaRef),
  instrument: (media, _, { loaders }) => (media.instrumentId ? loaders.instrument.load(media.instrumentId) : null),
  provisions: (media, _, { loaders }) => provisionsInOrder(loaders, media.provisionIds),
  recordedBy: (media) => organisationRef(media.ownerOrg),
};

export const Publication: PublicationResolvers = {
  language: (publication) => languageRef(publication.languageCode),
  instrument: (publication, _, { loaders }) => (publication.instrumentId ? loaders.instrument.load(publication.instrumentId) : null),
  provisions: (publication, _, { loaders }) => provisionsInOrder(loaders, publication.provisionIds),
  recordedBy: (publication) => organisationRef(publication.ownerOrg),
};
