import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from './record';

export const PLANNED_ACTION_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'DROPPED'] as const;
export type PlannedActionStatus = (typeof PLANNED_ACTION_STATUSES)[number];

/** One action of a community action plan. */
export interface PlannedAction extends OwnedRecord {
  actionPlanId: string;
  description: string;
  responsibleGroup: string;
  dueOn: string;
  status: PlannedActionStatus;
  doneOn: string | null;
}

export const PlannedActionSchema = new EntitySchema<PlannedAction>({
  name: 'PlannedAction',
  tableName: 'planned_action',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    actionPlanId: { type: 'uuid' },
    description: { type: 'text' },
    responsibleGroup: { type: 'text' },
    dueOn: { type: 'date' },
    status: { type: 'text' },
    doneOn: { type: 'date', nullable: true },
  },
});
