import { EntitySchema } from 'typeorm';
import {
  COVERED_PROVISION_COLUMNS,
  OWNED_RECORD_COLUMNS,
  PLACE_COLUMNS,
  type CoveredProvisions,
  type OwnedRecord,
  type Place,
} from './record';
import type { EcpfComponent, TrainingKind } from './values';

/** A training on a mining code; participants and knowledge scores by group are in participants.ts. */
export interface MiningTraining extends OwnedRecord, Place, CoveredProvisions {
  title: string;
  kind: TrainingKind;
  startsOn: string;
  endsOn: string;
  siteId: string | null;
  venue: string | null;
  /** Directory organisations that gave it. */
  trainerIds: string[];
  ecpfComponents: EcpfComponent[];
  /** Everyone who took part: the sum of the groups when they were given. */
  participantsTotal: number;
  /** The declared scale of the knowledge tests; null when knowledge was not measured. */
  scoreScaleMin: number | null;
  scoreScaleMax: number | null;
}

export const MiningTrainingSchema = new EntitySchema<MiningTraining>({
  name: 'MiningTraining',
  tableName: 'mining_training',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    ...PLACE_COLUMNS,
    ...COVERED_PROVISION_COLUMNS,
    title: { type: 'text' },
    kind: { type: 'text' },
    startsOn: { type: 'date' },
    endsOn: { type: 'date' },
    siteId: { type: 'uuid', nullable: true },
    venue: { type: 'text', nullable: true },
    trainerIds: { type: 'uuid', array: true },
    ecpfComponents: { type: 'text', array: true },
    participantsTotal: { type: 'integer' },
    scoreScaleMin: { type: 'double precision', nullable: true },
    scoreScaleMax: { type: 'double precision', nullable: true },
  },
});
