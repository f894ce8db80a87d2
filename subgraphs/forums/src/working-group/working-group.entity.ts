import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import type { ForumTopic } from '../common/values';

export interface WorkingGroup extends OwnedRecord {
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
    ...OWNED_RECORD_COLUMNS,
    forumId: { type: 'uuid' },
    topic: { type: 'text' },
    otherTopic: { type: 'text', nullable: true },
    facilitatorOrg: { type: 'uuid', nullable: true },
    facilitatorName: { type: 'text', nullable: true },
    keyFindings: { type: 'text', array: true, default: () => "'{}'" },
  },
});
