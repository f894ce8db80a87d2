import { EntitySchema } from 'typeorm';
import { PLACE_COLUMNS, type Place } from '../common/place';
import { HeadcountColumns, type Headcount } from '../common/headcount';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';

export const MOBILISATION_ACTIVITIES = ['COMMUNITY_MEETING', 'INTER_VILLAGE_MEETING', 'THEATRE', 'RADIO_BROADCAST', 'HOME_VISITS'] as const;
export type MobilisationActivity = (typeof MOBILISATION_ACTIVITIES)[number];

/** Outreach by a cohort to its own and neighbouring communities; the place is the cohort's. */
export interface SocialMobilisation extends OwnedRecord, Place {
  cohortId: string;
  heldOn: string;
  activity: MobilisationActivity;
  reachedCommunityIds: string[];
  peopleReached: Headcount;
  notes: string | null;
}

export const SocialMobilisationSchema = new EntitySchema<SocialMobilisation>({
  name: 'SocialMobilisation',
  tableName: 'social_mobilisation',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    ...PLACE_COLUMNS,
    cohortId: { type: 'uuid' },
    heldOn: { type: 'date' },
    activity: { type: 'text' },
    reachedCommunityIds: { type: 'uuid', array: true },
    notes: { type: 'text', nullable: true },
  },
  embeddeds: {
    peopleReached: { schema: HeadcountColumns, prefix: 'reached' },
  },
});
