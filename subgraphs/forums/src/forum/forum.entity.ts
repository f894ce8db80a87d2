import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import { APPENDED_ROW_COLUMNS, type AppendedRow } from '../common/record-columns';
import type { ForumScope, ParticipantCategory } from '../common/values';

/**
 * A forum. The venue is keys only: the community (if the directory knows it) and the P-codes and
 * country copied from the directory when the forum was recorded, so "held in this area and below" is a
 * P-code prefix. Convenors are organisation ids of the directory.
 */
export interface Forum extends OwnedRecord {
  title: string;
  scope: ForumScope;
  startsOn: string;
  endsOn: string;
  venueName: string | null;
  communityId: string | null;
  adminPcode: string;
  admin1Pcode: string;
  countryCode: string;
  convenorIds: string[];
  coConvenorIds: string[];
  /** The host country first. */
  countriesRepresented: string[];
}

export const ForumSchema = new EntitySchema<Forum>({
  name: 'Forum',
  tableName: 'forum',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    title: { type: 'text' },
    scope: { type: 'text' },
    startsOn: { type: 'date' },
    endsOn: { type: 'date' },
    venueName: { type: 'text', nullable: true },
    communityId: { type: 'uuid', nullable: true },
    adminPcode: { type: 'text' },
    admin1Pcode: { type: 'text' },
    countryCode: { type: 'char', length: 2 },
    convenorIds: { type: 'uuid', array: true },
    coConvenorIds: { type: 'uuid', array: true, default: () => "'{}'" },
    countriesRepresented: { type: 'text', array: true },
  },
});

/** Participants of one category, by sex: counts, never names. Replaced as a whole with the forum's version. */
export interface ParticipantGroup extends AppendedRow {
  forumId: string;
  category: ParticipantCategory;
  women: number;
  men: number;
}

export const ParticipantGroupSchema = new EntitySchema<ParticipantGroup>({
  name: 'ParticipantGroup',
  tableName: 'forum_participant_group',
  columns: {
    forumId: { type: 'uuid', primary: true },
    category: { type: 'text', primary: true },
    women: { type: 'integer' },
    men: { type: 'integer' },
    ...APPENDED_ROW_COLUMNS,
  },
});

/** Participants from one admin-1 area. */
export interface ParticipantOrigin extends AppendedRow {
  forumId: string;
  regionPcode: string;
  countryCode: string;
  participants: number;
}

export const ParticipantOriginSchema = new EntitySchema<ParticipantOrigin>({
  name: 'ParticipantOrigin',
  tableName: 'forum_participant_origin',
  columns: {
    forumId: { type: 'uuid', primary: true },
    regionPcode: { type: 'text', primary: true },
    countryCode: { type: 'char', length: 2 },
    participants: { type: 'integer' },
    ...APPENDED_ROW_COLUMNS,
  },
});
