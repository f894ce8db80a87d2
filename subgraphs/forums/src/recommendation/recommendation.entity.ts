import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import { APPENDED_ROW_COLUMNS, CHILD_RECORD_COLUMNS, type AppendedRow, type ChildRecord } from '../common/record-columns';
import type { RecommendationAddressee, RecommendationStatus, RecommendationTheme } from '../common/values';

/**
 * A recommendation. `forumId`, `adoptedOn` and `publishedOn` are its declaration's, copied in the
 * declaration's writes (same transaction), so lists, visibility and figures need no join.
 */
export interface Recommendation extends OwnedRecord {
  declarationId: string;
  forumId: string;
  number: number;
  theme: RecommendationTheme;
  addressee: RecommendationAddressee;
  addresseeName: string | null;
  addresseeOrg: string | null;
  addressedPcode: string | null;
  addressedCommunityId: string | null;
  language: string;
  adoptedOn: string;
  publishedOn: string | null;
  status: RecommendationStatus;
  /** Date of the latest follow-up; null while none was reported (the status dates from adoption). */
  statusSince: string | null;
}

export const RecommendationSchema = new EntitySchema<Recommendation>({
  name: 'Recommendation',
  tableName: 'recommendation',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    declarationId: { type: 'uuid' },
    forumId: { type: 'uuid' },
    number: { type: 'smallint' },
    theme: { type: 'text' },
    addressee: { type: 'text' },
    addresseeName: { type: 'text', nullable: true },
    addresseeOrg: { type: 'uuid', nullable: true },
    addressedPcode: { type: 'text', nullable: true },
    addressedCommunityId: { type: 'uuid', nullable: true },
    language: { type: 'text' },
    adoptedOn: { type: 'date' },
    publishedOn: { type: 'date', nullable: true },
    status: { type: 'text' },
    statusSince: { type: 'date', nullable: true },
  },
});

export interface RecommendationText extends ChildRecord {
  recommendationId: string;
  language: string;
  body: string;
  original: boolean;
}

export const RecommendationTextSchema = new EntitySchema<RecommendationText>({
  name: 'RecommendationText',
  tableName: 'recommendation_text',
  columns: {
    ...CHILD_RECORD_COLUMNS,
    recommendationId: { type: 'uuid' },
    language: { type: 'text' },
    body: { type: 'text' },
    original: { type: 'boolean' },
  },
});

/** One follow-up report. Append-only: who recorded it and when, no version of its own. */
export interface RecommendationFollowUp extends AppendedRow {
  id: string;
  recommendationId: string;
  fromStatus: RecommendationStatus;
  toStatus: RecommendationStatus;
  reportedOn: string;
  evidence: string;
  evidenceUrl: string | null;
  reporter: string;
  reportingOrg: string | null;
}

export const RecommendationFollowUpSchema = new EntitySchema<RecommendationFollowUp>({
  name: 'RecommendationFollowUp',
  tableName: 'recommendation_follow_up',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    recommendationId: { type: 'uuid' },
    fromStatus: { type: 'text' },
    toStatus: { type: 'text' },
    reportedOn: { type: 'date' },
    evidence: { type: 'text' },
    evidenceUrl: { type: 'text', nullable: true },
    reporter: { type: 'text' },
    reportingOrg: { type: 'uuid', nullable: true },
    ...APPENDED_ROW_COLUMNS,
  },
});
