import { loadExisting } from '@peacegraph/kit/sql';
import type { LegalInstrumentResolvers, ProvisionResolvers } from '../generated/resolvers';
import { countryRef, organisationRef } from './references';

export const LegalInstrument: LegalInstrumentResolvers = {
  country: (instrument) => (instrument.countryCode ? countryRef(instrument.countryCode) : null),
  provisions: async (instrument, args, { loaders }) => {
    const provisions = await loaders.provisionsOfInstrument.load(instrument.id);
    return args.topic ? provisions.filter((p) => p.topic === args.topic) : provisions;
  },
  provisionCount: async (instrument, _, { loaders }) => (await loaders.provisionsOfInstrument.load(instrument.id)).length,
  recordedBy: (instrument) => organisationRef(instrument.ownerOrg),
};

export const Provision: ProvisionResolvers = {
  instrument: (provision, _, { loaders }) => loadExisting(loaders.instrument, provision.instrumentId),
};
