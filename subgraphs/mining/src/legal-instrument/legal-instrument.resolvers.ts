import { loadExisting } from '@peacegraph/kit/sql';
import { countryRef, organisationRef } from '../common/references';
import { ECPF_COMPONENTS } from '../common/values';
import type { LegalInstrumentResolvers, MutationResolvers, ProvisionResolvers, QueryResolvers } from '../generated/resolvers';

export const legalInstrumentQueries: QueryResolvers = {
  legalInstrument: (_, { id }, { loaders }) => loaders.instrument.load(id),
  legalInstruments: (_, args, { repositories }) => repositories.instruments.list(args.filter ?? {}, args),
  provision: (_, { id }, { loaders }) => loaders.provision.load(id),
  provisions: (_, args, { repositories }) => repositories.instruments.listProvisions(args.filter ?? {}, args),
  ecpfComponents: () => ECPF_COMPONENTS.map(([component, name], i) => ({ component, name, number: i + 1 })),
};

/** Thin: arguments → service. Rules, ownership and audit are the service's. */
export const legalInstrumentMutations: MutationResolvers = {
  createLegalInstrument: (_, { input }, { instruments }) => instruments.create(input),
  updateLegalInstrument: (_, { id, version, input }, { instruments }) => instruments.update(id, version, input),
  addProvision: (_, { input }, { instruments }) => instruments.addProvision(input),
  updateProvision: (_, { id, version, input }, { instruments }) => instruments.updateProvision(id, version, input),
};

export const LegalInstrument: LegalInstrumentResolvers = {
  // The gateway's references come through the request's loaders: 50 of them cost one statement.
  __resolveReference: (ref, { loaders }) => loaders.instrument.load(ref.id),
  country: (instrument) => (instrument.countryCode ? countryRef(instrument.countryCode) : null),
  provisions: async (instrument, args, { loaders }) => {
    const provisions = await loaders.provisionsOfInstrument.load(instrument.id);
    return args.topic ? provisions.filter((p) => p.topic === args.topic) : provisions;
  },
  provisionCount: async (instrument, _, { loaders }) => (await loaders.provisionsOfInstrument.load(instrument.id)).length,
  recordedBy: (instrument) => organisationRef(instrument.ownerOrg),
};

export const Provision: ProvisionResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.provision.load(ref.id),
  instrument: (provision, _, { loaders }) => loadExisting(loaders.instrument, provision.instrumentId),
};
