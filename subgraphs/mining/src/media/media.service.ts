import { badInput } from '@peacegraph/kit/errors';
import {
  notInFuture,
  type ReferenceChecks,
  distinct,
  optionalText,
  requiredName,
  wholeNumber,
  given,
  Problems,
} from '@peacegraph/kit/input';
import type { RecordWrites } from '@peacegraph/kit/writes';
import { MEDIA_KINDS, PUBLICATION_KINDS } from '../common/values';
import { MediaInterventionSchema, PublicationSchema, type MediaIntervention, type Publication } from './media.entity';
import type {
  RecordMediaInterventionInput,
  RecordPublicationInput,
  UpdateMediaInterventionInput,
  UpdatePublicationInput,
} from '../generated/resolvers';
import type { Loaders } from '../loaders';
import { coveredProvisions } from '../common/covered-provisions';

/** Most people an outlet may claim to reach: the platform's six countries hold about 85 million. */
export const MAX_AUDIENCE = 100_000_000;

/** Media interventions and publications: PUBLIC records of what was aired and printed. */
export class MediaService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async record(input: RecordMediaInterventionInput): Promise<MediaIntervention> {
    return this.writes.once(MediaInterventionSchema, input.clientMutationId, async (writer) => {
      const values = await this.validate(input, null);
      const covered = await coveredProvisions(this.loaders, input, null);
      return this.writes.create(writer, { ...values, ...covered }, input.clientMutationId, {
        schema: MediaInterventionSchema,
        recordType: 'MediaIntervention',
        operation: 'recordMediaIntervention',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.title, values.releasedOn),
      });
    });
  }

  async update(id: string, version: number, input: UpdateMediaInterventionInput): Promise<MediaIntervention> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.media.load(id), 'MediaIntervention', id, version);
    const values = await this.validate(input, current);
    const covered = await coveredProvisions(this.loaders, input, current);
    return this.writes.update(
      current,
      version,
      { ...values, ...covered },
      {
        schema: MediaInterventionSchema,
        recordType: 'MediaIntervention',
        operation: 'updateMediaIntervention',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.title, values.releasedOn),
      },
    );
  }

  async recordPublication(input: RecordPublicationInput): Promise<Publication> {
    return this.writes.once(PublicationSchema, input.clientMutationId, async (writer) => {
      const values = await this.validatePublication(input, null);
      const covered = await coveredProvisions(this.loaders, input, null);
      return this.writes.create(writer, { ...values, ...covered }, input.clientMutationId, {
        schema: PublicationSchema,
        recordType: 'Publication',
        operation: 'recordPublication',
        fields: Object.keys(input),
        duplicates: this.publicationDuplicates(values.title),
      });
    });
  }

  async updatePublication(id: string, version: number, input: UpdatePublicationInput): Promise<Publication> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.publication.load(id), 'Publication', id, version);
    const values = await this.validatePublication(input, current);
    const covered = await coveredProvisions(this.loaders, input, current);
    return this.writes.update(
      current,
      version,
      { ...values, ...covered },
      {
        schema: PublicationSchema,
        recordType: 'Publication',
        operation: 'updatePublication',
        fields: Object.keys(input),
        duplicates: this.publicationDuplicates(values.title),
      },
    );
  }

  // A record's fields, each optional in an update, and its kind, which an update never changes.
  private async validate(
    input: UpdateMediaInterventionInput & Pick<Partial<RecordMediaInterventionInput>, 'kind'>,
    current: MediaIntervention | null,
  ) {
    const problems = new Problems();
    for (const field of ['kind', 'outlet', 'title', 'language', 'releasedOn', 'airings', 'regionsReached'] as const) {
      if (input[field] === null) problems.add(`input.${field}`, `A media intervention needs its ${field}`);
    }
    problems.throwIfAny();
    const kind = input.kind ?? current!.kind;
    if (!MEDIA_KINDS.includes(kind)) problems.add('input.kind', `Unknown kind ${kind}`);
    let regionsReached = current?.regionsReached ?? [];
    if (given(input.regionsReached)) {
      const regions = input.regionsReached;
      regionsReached = problems.check('input.regionsReached', () => distinct('input.regionsReached', regions, (p) => p)) ?? [];
      if (regionsReached.length === 0) problems.add('input.regionsReached', 'Name at least one region reached');
      else if (regionsReached.length > 60) problems.add('input.regionsReached', 'At most 60 regions');
      else if (!problems.has('input.regionsReached'))
        await problems.check('input.regionsReached', () => this.directory.regions('input.regionsReached', regionsReached));
    }
    const estimatedAudience = problems.check('input.estimatedAudience', () =>
      input.estimatedAudience === undefined
        ? (current?.estimatedAudience ?? null)
        : input.estimatedAudience === null
          ? null
          : wholeNumber('input.estimatedAudience', input.estimatedAudience, 'The estimated audience', { max: MAX_AUDIENCE }),
    );
    const language = input.language;
    return problems.done({
      kind,
      outlet: problems.check('input.outlet', () =>
        given(input.outlet) ? requiredName('input.outlet', input.outlet, 'The outlet') : current!.outlet,
      ),
      title: problems.check('input.title', () =>
        given(input.title) ? requiredName('input.title', input.title, 'The title', 300) : current!.title,
      ),
      campaign: problems.check('input.campaign', () =>
        input.campaign === undefined ? (current?.campaign ?? null) : optionalText('input.campaign', input.campaign, 'The campaign', 200),
      ),
      languageCode: await problems.check('input.language', async () =>
        given(language) && language !== current?.languageCode
          ? await this.directory.language('input.language', language)
          : current!.languageCode,
      ),
      releasedOn: problems.check('input.releasedOn', () =>
        given(input.releasedOn) ? notInFuture('input.releasedOn', input.releasedOn, 'The release date') : current!.releasedOn,
      ),
      airings: problems.check('input.airings', () =>
        input.airings === undefined
          ? (current?.airings ?? 1)
          : wholeNumber('input.airings', input.airings!, 'The number of airings', { min: 1, max: 10_000 }),
      ),
      regionsReached,
      estimatedAudience,
    });
  }

  private async validatePublication(input: RecordPublicationInput | UpdatePublicationInput, current: Publication | null) {
    const problems = new Problems();
    for (const field of ['title', 'kind', 'language', 'publishedOn', 'copiesDistributed'] as const) {
      if (input[field] === null) problems.add(`input.${field}`, `A publication needs its ${field}`);
    }
    problems.throwIfAny();
    const kind = input.kind ?? current!.kind;
    if (!PUBLICATION_KINDS.includes(kind)) problems.add('input.kind', `Unknown kind ${kind}`);
    const copiesPrinted = problems.check('input.copiesPrinted', () =>
      input.copiesPrinted === undefined
        ? (current?.copiesPrinted ?? null)
        : input.copiesPrinted === null
          ? null
          : wholeNumber('input.copiesPrinted', input.copiesPrinted, 'The number of copies printed', { max: 10_000_000 }),
    );
    const copiesDistributed = problems.check('input.copiesDistributed', () =>
      input.copiesDistributed === undefined
        ? current!.copiesDistributed
        : wholeNumber('input.copiesDistributed', input.copiesDistributed!, 'The number of copies distributed', { max: 10_000_000 }),
    );
    if (copiesPrinted !== null && copiesPrinted !== undefined && copiesDistributed !== undefined && copiesDistributed > copiesPrinted) {
      problems.add(
        input.copiesDistributed === undefined ? 'input.copiesPrinted' : 'input.copiesDistributed',
        `${copiesDistributed} copies distributed, but ${copiesPrinted} printed`,
      );
    }
    const language = input.language;
    return problems.done({
      title: problems.check('input.title', () =>
        given(input.title) ? requiredName('input.title', input.title, 'The title', 300) : current!.title,
      ),
      kind,
      languageCode: await problems.check('input.language', async () =>
        given(language) && language !== current?.languageCode
          ? await this.directory.language('input.language', language)
          : current!.languageCode,
      ),
      publishedOn: problems.check('input.publishedOn', () =>
        given(input.publishedOn) ? notInFuture('input.publishedOn', input.publishedOn, 'The publication date') : current!.publishedOn,
      ),
      copiesPrinted,
      copiesDistributed,
    });
  }

  private duplicates(title: string, releasedOn: string) {
    return {
      media_intervention_same: () =>
        badInput('input.title', `Your organisation already recorded "${title}" on this outlet on ${releasedOn}`),
    };
  }

  private publicationDuplicates(title: string) {
    return { publication_same: () => badInput('input.title', `Your organisation already recorded "${title}" in this language`) };
  }
}
