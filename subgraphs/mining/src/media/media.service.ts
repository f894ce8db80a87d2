import { badInput } from '@peacegraph/kit/errors';
import { type ReferenceChecks } from '@peacegraph/kit/input';
import type { RecordWrites } from '@peacegraph/kit/writes';
import { lookUp } from '@peacegraph/kit/input';
import { MediaInterventionSchema, PublicationSchema, type MediaIntervention, type Publication } from './media.entity';
import type {
  RecordMediaInterventionInput,
  RecordPublicationInput,
  UpdateMediaInterventionInput,
  UpdatePublicationInput,
} from '../generated/resolvers';
import type { Loaders } from '../loaders';
import { coveredProvisions } from '../common/covered-provisions';
import {
  languageToCheck,
  mediaValues,
  publicationValues,
  regionsToCheck,
  requiredMediaFields,
  requiredPublicationFields,
  type MediaInput,
} from './media.rules';

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

  /** The values, after asking the directory for the regions and a new language (once nothing required is null). */
  private async validate(input: MediaInput, current: MediaIntervention | null) {
    requiredMediaFields(input);
    const regions = regionsToCheck(input);
    const known = regions ? await lookUp(() => this.directory.regions('input.regionsReached', regions)) : undefined;
    return mediaValues(input, current, { regions: known, language: await this.language(input, current) });
  }

  private async validatePublication(input: RecordPublicationInput | UpdatePublicationInput, current: Publication | null) {
    requiredPublicationFields(input);
    return publicationValues(input, current, { language: await this.language(input, current) });
  }

  /** The directory's answer for a new language, when there is one. */
  private async language(input: { language?: string | null }, current: { languageCode: string } | null) {
    const code = languageToCheck(input, current);
    return code !== null ? await lookUp(() => this.directory.language('input.language', code)) : undefined;
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
