import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import { EntitySchema } from 'typeorm';
import type { FlowDirection } from '../common/transhumance-values';

export interface FlowObservationBatch extends OwnedRecord {
  observations: number;
}

export const FlowObservationBatchSchema = new EntitySchema<FlowObservationBatch>({
  name: 'FlowObservationBatch',
  tableName: 'flow_observation_batch',
  columns: { ...OWNED_RECORD_COLUMNS, observations: { type: 'integer' } },
});

export interface FlowObservation {
  id: string;
  batchId: string;
  ownerOrg: string;
  createdBy: string;
  createdAt: Date;
  countingPointId: string;
  corridorId: string;
  observedAt: Date;
  direction: FlowDirection;
  cattle: number;
  sheep: number;
  goats: number;
  camels: number;
  herders: number;
  originPcode: string | null;
  destinationPcode: string | null;
}

export const FlowObservationSchema = new EntitySchema<FlowObservation>({
  name: 'FlowObservation',
  tableName: 'flow_observation',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    batchId: { type: 'uuid' },
    ownerOrg: { type: 'uuid' },
    createdBy: { type: 'text' },
    createdAt: { type: 'timestamptz', createDate: true },
    countingPointId: { type: 'uuid' },
    corridorId: { type: 'uuid' },
    observedAt: { type: 'timestamptz' },
    direction: { type: 'text' },
    cattle: { type: 'integer' },
    sheep: { type: 'integer' },
    goats: { type: 'integer' },
    camels: { type: 'integer' },
    herders: { type: 'integer' },
    originPcode: { type: 'text', nullable: true },
    destinationPcode: { type: 'text', nullable: true },
  },
});
