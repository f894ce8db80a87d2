import { EntitySchema } from 'typeorm';
import { COVERED_PROVISION_COLUMNS, OWNED_RECORD_COLUMNS, type CoveredProvisions, type OwnedRecord } from '../common/record-columns';
import type { MediaKind, PublicationKind } from '../common/values';

export interface MediaIntervention extends OwnedRecord, CoveredProvisions {
  kind: MediaKind;
  outlet: string;
  title: string;
  campaign: string | null;
  languageCode: string;
  releasedOn: string;
  airings: number;
  /** Level-1 P-codes. */
  regionsReached: string[];
  estimatedAudience: number | null;
}

export const MediaInterventionSchema = new EntitySchema<MediaIntervention>({
  name: 'MediaIntervention',
  tableName: 'media_intervention',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    ...COVERED_PROVISION_COLUMNS,
    kind: { type: 'text' },
    outlet: { type: 'text' },
    title: { type: 'text' },
    campaign: { type: 'text', nullable: true },
    languageCode: { type: 'char', length: 3 },
    releasedOn: { type: 'date' },
    airings: { type: 'integer' },
    regionsReached: { type: 'text', array: true },
    estimatedAudience: { type: 'integer', nullable: true },
  },
});

export interface Publication extends OwnedRecord, CoveredProvisions {
  title: string;
  kind: PublicationKind;
  languageCode: string;
  publishedOn: string;
  copiesPrinted: number | null;
  copiesDistributed: number;
}

export const PublicationSchema = new EntitySchema<Publication>({
  name: 'Publication',
  tableName: 'publication',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    ...COVERED_PROVISION_COLUMNS,
    title: { type: 'text' },
    kind: { type: 'text' },
    languageCode: { type: 'char', length: 3 },
    publishedOn: { type: 'date' },
    copiesPrinted: { type: 'integer', nullable: true },
    copiesDistributed: { type: 'integer' },
  },
});
