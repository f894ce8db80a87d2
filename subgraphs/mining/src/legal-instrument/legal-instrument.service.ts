import { badInput } from '@peacegraph/kit/errors';
import { requireOwner, type Partner } from '@peacegraph/kit/policy';
import { atMost } from '@peacegraph/kit/writes';
import type { RecordWrites } from '@peacegraph/kit/writes';
import { instrumentValues, provisionValues } from './legal-instrument.rules';
import { LegalInstrumentSchema, ProvisionSchema, type LegalInstrument, type Provision } from './legal-instrument.entity';
import type {
  AddProvisionInput,
  CreateLegalInstrumentInput,
  UpdateLegalInstrumentInput,
  UpdateProvisionInput,
} from '../generated/resolvers';
import type { Loaders } from '../loaders';

/** Most provisions one instrument holds: its list is shown whole. */
export const MAX_PROVISIONS = 500;

/** Legal instruments and their provisions: reference material, written by the organisation that recorded it. */
export class InstrumentService {
  constructor(
    private readonly loaders: Loaders,
    private readonly writes: RecordWrites,
  ) {}

  async create(input: CreateLegalInstrumentInput): Promise<LegalInstrument> {
    return this.writes.once(LegalInstrumentSchema, input.clientMutationId, async (writer) => {
      const values = instrumentValues(input, null);
      return this.writes.create(writer, values, input.clientMutationId, {
        schema: LegalInstrumentSchema,
        recordType: 'LegalInstrument',
        operation: 'createLegalInstrument',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.title),
      });
    });
  }

  async update(id: string, version: number, input: UpdateLegalInstrumentInput): Promise<LegalInstrument> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.instrument.load(id), 'LegalInstrument', id, version);
    const values = instrumentValues(input, current);
    return this.writes.update(current, version, values, {
      schema: LegalInstrumentSchema,
      recordType: 'LegalInstrument',
      operation: 'updateLegalInstrument',
      fields: Object.keys(input),
      duplicates: this.duplicates(values.title),
    });
  }

  async addProvision(input: AddProvisionInput): Promise<Provision> {
    return this.writes.once(ProvisionSchema, input.clientMutationId, async (writer) => {
      const instrument = await this.ownInstrument(writer, input.instrument);
      const values = { instrumentId: instrument.id, ...provisionValues(input, null) };
      return this.writes.create(writer, values, input.clientMutationId, {
        schema: ProvisionSchema,
        recordType: 'Provision',
        operation: 'addProvision',
        fields: Object.keys(input),
        duplicates: this.provisionDuplicates(values.article, instrument),
        check: (manager) =>
          atMost(manager, {
            parent: { table: 'legal_instrument', id: instrument.id },
            children: { table: 'provision', column: 'instrument_id' },
            max: MAX_PROVISIONS,
            refusal: () => badInput('input.instrument', `The instrument already has ${MAX_PROVISIONS} provisions`),
          }),
      });
    });
  }

  async updateProvision(id: string, version: number, input: UpdateProvisionInput): Promise<Provision> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.provision.load(id), 'Provision', id, version);
    const instrument = (await this.loaders.instrument.load(current.instrumentId))!;
    const values = provisionValues(input, current);
    return this.writes.update(current, version, values, {
      schema: ProvisionSchema,
      recordType: 'Provision',
      operation: 'updateProvision',
      fields: Object.keys(input),
      duplicates: this.provisionDuplicates(values.article, instrument),
    });
  }

  private async ownInstrument(writer: Partner, id: string): Promise<LegalInstrument> {
    const instrument = await this.loaders.instrument.load(id);
    if (!instrument) throw badInput('input.instrument', `No legal instrument with id "${id}"`);
    requireOwner(writer, instrument.ownerOrg, `LegalInstrument ${instrument.id}`);
    return instrument;
  }

  private duplicates(title: string) {
    return { legal_instrument_title: () => badInput('input.title', `"${title}" is already recorded`) };
  }

  private provisionDuplicates(article: string, instrument: LegalInstrument) {
    return {
      provision_article: () =>
        badInput('input.article', `Article ${article} of ${instrument.shortTitle ?? instrument.title} is already recorded`),
    };
  }
}
