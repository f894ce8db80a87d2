import { badInput } from '@peacegraph/kit/errors';
import { today, optionalText, requiredName, wholeNumber, given, Problems } from '@peacegraph/kit/input';
import { requireOwner, type Partner } from '@peacegraph/kit/policy';
import { atMost } from '@peacegraph/kit/writes';
import { LEGAL_INSTRUMENT_KINDS, NATIONAL_KINDS, PROVISION_TOPICS } from '../common/values';
import { LegalInstrumentSchema, ProvisionSchema, type LegalInstrument, type Provision } from './legal-instrument.entity';
import type {
  AddProvisionInput,
  CreateLegalInstrumentInput,
  UpdateLegalInstrumentInput,
  UpdateProvisionInput,
} from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { RecordWrites } from '@peacegraph/kit/writes';

/** Most provisions one instrument holds: its list is shown whole. */
export const MAX_PROVISIONS = 500;

/** Country codes of the platform: national instruments are those of its countries. */
const COUNTRIES = ['BF', 'GM', 'GW', 'ML', 'NE', 'SN'];

/** Legal instruments and their provisions: reference material, written by the organisation that recorded it. */
export class InstrumentService {
  constructor(
    private readonly loaders: Loaders,
    private readonly writes: RecordWrites,
  ) {}

  async create(input: CreateLegalInstrumentInput): Promise<LegalInstrument> {
    return this.writes.once(LegalInstrumentSchema, input.clientMutationId, async (writer) => {
      const values = this.validate(input, null);
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
    const values = this.validate(input, current);
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
      const values = { instrumentId: instrument.id, ...this.validateProvision(input, null) };
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
    const values = this.validateProvision(input, current);
    return this.writes.update(current, version, values, {
      schema: ProvisionSchema,
      recordType: 'Provision',
      operation: 'updateProvision',
      fields: Object.keys(input),
      duplicates: this.provisionDuplicates(values.article, instrument),
    });
  }

  private validate(input: CreateLegalInstrumentInput | UpdateLegalInstrumentInput, current: LegalInstrument | null) {
    const problems = new Problems();
    for (const field of ['title', 'kind', 'year'] as const) {
      if (input[field] === null) problems.add(`input.${field}`, `A legal instrument needs its ${field}`);
    }
    problems.throwIfAny();
    const kind = input.kind ?? current!.kind;
    if (!LEGAL_INSTRUMENT_KINDS.includes(kind)) problems.add('input.kind', `Unknown kind ${kind}`);
    const countryCode = input.country === undefined ? (current?.countryCode ?? null) : input.country;
    const national = NATIONAL_KINDS.includes(kind);
    if (national && !countryCode) problems.add('input.country', 'A national instrument names its country');
    if (!national && countryCode) problems.add('input.country', 'A regional instrument has no country');
    if (countryCode && !COUNTRIES.includes(countryCode)) {
      problems.add('input.country', `${countryCode} is not a country of the platform (${COUNTRIES.join(', ')})`);
    }
    const thisYear = Number(today().slice(0, 4));
    return problems.done({
      title: problems.check('input.title', () =>
        given(input.title) ? requiredName('input.title', input.title, 'The title', 300) : current!.title,
      ),
      shortTitle: problems.check('input.shortTitle', () =>
        input.shortTitle === undefined
          ? (current?.shortTitle ?? null)
          : optionalText('input.shortTitle', input.shortTitle, 'The short title', 40),
      ),
      kind,
      countryCode,
      year: problems.check('input.year', () =>
        input.year === undefined ? current!.year : wholeNumber('input.year', input.year!, 'The year', { min: 1900, max: thisYear }),
      ),
    });
  }

  private validateProvision(input: AddProvisionInput | UpdateProvisionInput, current: Provision | null) {
    const problems = new Problems();
    for (const field of ['article', 'title', 'topic'] as const) {
      if (input[field] === null) problems.add(`input.${field}`, `A provision needs its ${field}`);
    }
    problems.throwIfAny();
    const topic = input.topic ?? current!.topic;
    if (!PROVISION_TOPICS.includes(topic)) problems.add('input.topic', `Unknown topic ${topic}`);
    return problems.done({
      article: problems.check('input.article', () =>
        given(input.article) ? requiredName('input.article', input.article, 'The article', 20) : current!.article,
      ),
      title: problems.check('input.title', () =>
        given(input.title) ? requiredName('input.title', input.title, 'The title', 300) : current!.title,
      ),
      topic,
      summary: problems.check('input.summary', () =>
        input.summary === undefined ? (current?.summary ?? null) : optionalText('input.summary', input.summary, 'The summary'),
      ),
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
