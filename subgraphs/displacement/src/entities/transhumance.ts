import type { EntitySchema } from 'typeorm';
import {
  AlertRecipientSchema,
  AlertTransitionSchema,
  CorridorVertexSchema,
  CountingPointSchema,
  FlowObservationBatchSchema,
  FlowObservationSchema,
  SensitiveSpotSchema,
  TranshumanceAlertSchema,
  TranshumanceCorridorSchema,
} from './transhumance-records';

export * from './transhumance-records';

export const transhumanceEntities: EntitySchema[] = [
  TranshumanceCorridorSchema,
  CorridorVertexSchema,
  SensitiveSpotSchema,
  CountingPointSchema,
  FlowObservationBatchSchema,
  FlowObservationSchema,
  TranshumanceAlertSchema,
  AlertRecipientSchema,
  AlertTransitionSchema,
];
