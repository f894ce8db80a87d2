import { EntitySchema } from 'typeorm';
import { PLACE_COLUMNS, type Place } from '../common/place';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';

/** A cohort's community action plan for peace and human security; one per cohort. */
export interface CommunityActionPlan extends OwnedRecord, Place {
  cohortId: string;
  title: string;
  adoptedOn: string;
}

export const CommunityActionPlanSchema = new EntitySchema<CommunityActionPlan>({
  name: 'CommunityActionPlan',
  tableName: 'community_action_plan',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    ...PLACE_COLUMNS,
    cohortId: { type: 'uuid' },
    title: { type: 'text' },
    adoptedOn: { type: 'date' },
  },
});

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
