import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import { CHILD_RECORD_COLUMNS, type ChildRecord } from '../common/record-columns';

export interface Drafter {
  role: string;
  organisationId: string | null;
}

export interface Declaration extends OwnedRecord {
  forumId: string;
  /** The original language (ISO 639-3); its text is the DeclarationText marked original. */
  language: string;
  adoptedOn: string;
  publishedOn: string | null;
  drafters: Drafter[];
}

export const DeclarationSchema = new EntitySchema<Declaration>({
  name: 'Declaration',
  tableName: 'declaration',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    forumId: { type: 'uuid' },
    language: { type: 'text' },
    adoptedOn: { type: 'date' },
    publishedOn: { type: 'date', nullable: true },
    drafters: { type: 'jsonb', default: () => "'[]'" },
  },
});

/** One language version of a declaration; the table also holds its generated `search` tsvector. */
export interface DeclarationText extends ChildRecord {
  declarationId: string;
  language: string;
  title: string;
  body: string;
  original: boolean;
}

export const DeclarationTextSchema = new EntitySchema<DeclarationText>({
  name: 'DeclarationText',
  tableName: 'declaration_text',
  columns: {
    ...CHILD_RECORD_COLUMNS,
    declarationId: { type: 'uuid' },
    language: { type: 'text' },
    title: { type: 'text' },
    body: { type: 'text' },
    original: { type: 'boolean' },
  },
});

export interface DeclarationRecipient extends ChildRecord {
  declarationId: string;
  position: number;
  recipient: string;
  organisationId: string | null;
  deliveredOn: string | null;
  deliveryNote: string | null;
}

export const DeclarationRecipientSchema = new EntitySchema<DeclarationRecipient>({
  name: 'DeclarationRecipient',
  tableName: 'declaration_recipient',
  columns: {
    ...CHILD_RECORD_COLUMNS,
    declarationId: { type: 'uuid' },
    position: { type: 'smallint' },
    recipient: { type: 'text' },
    organisationId: { type: 'uuid', nullable: true },
    deliveredOn: { type: 'date', nullable: true },
    deliveryNote: { type: 'text', nullable: true },
  },
});
