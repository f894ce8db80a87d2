import { EntitySchema } from 'typeorm';
import { RETRIABLE_RECORD_COLUMNS, type RetriableRecord } from '../record-columns';
import type { ForumTopic } from '../values';

export interface WorkingGroup extends RetriableRecord {
  forumId: string;
  topic: ForumTopic;
  otherTopic: string | null;
  facilitatorOrg: string | null;
  /** SENSITIVE. */
  facilitatorName: string | null;
  keyFindings: string[];
}

export const WorkingGroupSchema = new EntitySchema<WorkingGroup>({
  name: 'WorkingGroup',
  tableName: 'working_group',
  columns: {
    ...RETRIABLE_RECORD_COLUMNS,
    forumId: { type: 'uuid' },
    topic: { type: 'text' },
    otherTopic: { type: 'text', nullable: true },
    facilitatorOrg: { type: 'uuid', nullable: true },
    facilitatorName: { type: 'text', nullable: true },
    keyFindings: { type: 'text', array: true, default: () => "'{}'" },
  },
});
