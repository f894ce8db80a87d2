import { EntitySchema } from 'typeorm';
import { PLACE_COLUMNS, type Place } from './cohort';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from './record';

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
