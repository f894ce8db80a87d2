import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import type { ParticipantCategory, TestimonyAgeGroup } from '../common/values';

/**
 * What a speaker said. The table also holds a generated `search` tsvector (not mapped here: only the
 * search query reads it), indexed for published testimonies only.
 */
export interface Testimony extends OwnedRecord {
  forumId: string;
  workingGroupId: string | null;
  /** ISO 639-3. */
  language: string;
  /** SENSITIVE until published (served as `text` once published). */
  body: string;
  speakerRole: ParticipantCategory;
  speakerAgeGroup: TestimonyAgeGroup;
  speakerRegionPcode: string;
  speakerCountryCode: string;
  givenOn: string;
  consentToPublish: boolean;
  publishedOn: string | null;
}

export const TestimonySchema = new EntitySchema<Testimony>({
  name: 'Testimony',
  tableName: 'testimony',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    forumId: { type: 'uuid' },
    workingGroupId: { type: 'uuid', nullable: true },
    language: { type: 'text' },
    body: { type: 'text' },
    speakerRole: { type: 'text' },
    speakerAgeGroup: { type: 'text' },
    speakerRegionPcode: { type: 'text' },
    speakerCountryCode: { type: 'char', length: 2 },
    givenOn: { type: 'date' },
    consentToPublish: { type: 'boolean' },
    publishedOn: { type: 'date', nullable: true },
  },
});
