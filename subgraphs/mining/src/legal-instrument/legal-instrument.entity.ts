import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '../common/record-columns';
import type { LegalInstrumentKind, ProvisionTopic } from '../common/values';

/** A mining law or model law. Reference material: PUBLIC, written by the organisation that recorded it. */
export interface LegalInstrument extends OwnedRecord {
  title: string;
  shortTitle: string | null;
  kind: LegalInstrumentKind;
  /** Null for regional instruments. */
  countryCode: string | null;
  year: number;
}

export const LegalInstrumentSchema = new EntitySchema<LegalInstrument>({
  name: 'LegalInstrument',
  tableName: 'legal_instrument',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    title: { type: 'text' },
    shortTitle: { type: 'text', nullable: true },
    kind: { type: 'text' },
    countryCode: { type: 'char', length: 2, nullable: true },
    year: { type: 'integer' },
  },
});

/** One article of an instrument; owned by the instrument's organisation. */
export interface Provision extends OwnedRecord {
  instrumentId: string;
  article: string;
  /** The first number in the article, computed by PostgreSQL: lists order by it, then by the article. */
  articleNumber: number;
  title: string;
  topic: ProvisionTopic;
  summary: string | null;
}

export const ProvisionSchema = new EntitySchema<Provision>({
  name: 'Provision',
  tableName: 'provision',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    instrumentId: { type: 'uuid' },
    article: { type: 'text' },
    articleNumber: { type: 'integer', insert: false, update: false },
    title: { type: 'text' },
    topic: { type: 'text' },
    summary: { type: 'text', nullable: true },
  },
});
