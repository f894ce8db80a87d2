import type { MiningContext } from '../context';
import type { LegalInstrument as InstrumentRow, Provision as ProvisionRow, ProvisionTopic } from '../entities';
import { countryRef, organisationRef } from './references';

type C = MiningContext;

export const LegalInstrument = {
  country: (instrument: InstrumentRow) => (instrument.countryCode ? countryRef(instrument.countryCode) : null),
  provisions: async (instrument: InstrumentRow, args: { topic?: ProvisionTopic | null }, { loaders }: C) => {
    const provisions = await loaders.provisionsOfInstrument.load(instrument.id);
    return args.topic ? provisions.filter((p) => p.topic === args.topic) : provisions;
  },
  provisionCount: async (instrument: InstrumentRow, _: unknown, { loaders }: C) =>
    (await loaders.provisionsOfInstrument.load(instrument.id)).length,
  recordedBy: (instrument: InstrumentRow) => organisationRef(instrument.ownerOrg),
};

export const Provision = {
  instrument: (provision: ProvisionRow, _: unknown, { loaders }: C) => loaders.instrument.load(provision.instrumentId),
};
