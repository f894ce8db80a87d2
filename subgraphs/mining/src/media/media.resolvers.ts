import { provisionsInOrder } from '../common/covered-provisions';
import { dates } from '../common/filters';
import { adminAreaRef, languageRef, organisationRef } from '../common/references';
import type { MediaInterventionResolvers, MutationResolvers, PublicationResolvers, QueryResolvers } from '../generated/resolvers';
import type { MediaFilter, PublicationFilter } from './media.repository';

export const mediaQueries: QueryResolvers = {
  mediaIntervention: (_, { id }, { loaders }) => loaders.media.load(id),
  mediaInterventions: (_, args, { repositories }) => repositories.media.list(dates<MediaFilter>(args.filter), args),
  publication: (_, { id }, { loaders }) => loaders.publication.load(id),
  publications: (_, args, { repositories }) => repositories.media.listPublications(dates<PublicationFilter>(args.filter), args),
};

export const mediaMutations: MutationResolvers = {
  recordMediaIntervention: (_, { input }, { media }) => media.record(input),
  updateMediaIntervention: (_, { id, version, input }, { media }) => media.update(id, version, input),
  recordPublication: (_, { input }, { media }) => media.recordPublication(input),
  updatePublication: (_, { id, version, input }, { media }) => media.updatePublication(id, version, input),
};

export const MediaIntervention: MediaInterventionResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.media.load(ref.id),
  language: (media) => languageRef(media.languageCode),
  regionsReached: (media) => media.regionsReached.map(adminAreaRef),
  instrument: (media, _, { loaders }) => (media.instrumentId ? loaders.instrument.load(media.instrumentId) : null),
  provisions: (media, _, { loaders }) => provisionsInOrder(loaders, media.provisionIds),
  recordedBy: (media) => organisationRef(media.ownerOrg),
};

export const Publication: PublicationResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.publication.load(ref.id),
  language: (publication) => languageRef(publication.languageCode),
  instrument: (publication, _, { loaders }) => (publication.instrumentId ? loaders.instrument.load(publication.instrumentId) : null),
  provisions: (publication, _, { loaders }) => provisionsInOrder(loaders, publication.provisionIds),
  recordedBy: (publication) => organisationRef(publication.ownerOrg),
};
