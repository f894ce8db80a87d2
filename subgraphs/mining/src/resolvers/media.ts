import type { MiningContext } from '../context';
import type { MediaIntervention as MediaRow, Publication as PublicationRow } from '../entities';
import { provisionsInOrder } from '../services/covered-provisions';
import { adminAreaRef, languageRef, organisationRef } from './references';

type C = MiningContext;

export const MediaIntervention = {
  language: (media: MediaRow) => languageRef(media.languageCode),
  regionsReached: (media: MediaRow) => media.regionsReached.map(adminAreaRef),
  instrument: (media: MediaRow, _: unknown, { loaders }: C) => (media.instrumentId ? loaders.instrument.load(media.instrumentId) : null),
  provisions: (media: MediaRow, _: unknown, { loaders }: C) => provisionsInOrder(loaders, media.provisionIds),
  recordedBy: (media: MediaRow) => organisationRef(media.ownerOrg),
};

export const Publication = {
  language: (publication: PublicationRow) => languageRef(publication.languageCode),
  instrument: (publication: PublicationRow, _: unknown, { loaders }: C) =>
    publication.instrumentId ? loaders.instrument.load(publication.instrumentId) : null,
  provisions: (publication: PublicationRow, _: unknown, { loaders }: C) => provisionsInOrder(loaders, publication.provisionIds),
  recordedBy: (publication: PublicationRow) => organisationRef(publication.ownerOrg),
};
