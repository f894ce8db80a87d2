import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import { EntitySchema } from 'typeorm';
import type { SpotKind } from '../common/transhumance-values';

const PLACE_COLUMNS = {
  latitude: { type: 'double precision' },
  longitude: { type: 'double precision' },
  adminPcode: { type: 'text' },
  countryCode: { type: 'char', length: 2 },
} as const;

export interface SensitiveSpot extends OwnedRecord {
  name: string;
  kind: SpotKind;
  latitude: number;
  longitude: number;
  adminPcode: string;
  countryCode: string;
  corridorId: string | null;
  /** Where along the corridor's path (km from its start) the spot's nearest place is. */
  kmAlong: number | null;
  distanceFromPathKm: number | null;
  notes: string | null;
}

export const SensitiveSpotSchema = new EntitySchema<SensitiveSpot>({
  name: 'SensitiveSpot',
  tableName: 'sensitive_spot',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    ...PLACE_COLUMNS,
    name: { type: 'text' },
    kind: { type: 'text' },
    corridorId: { type: 'uuid', nullable: true },
    kmAlong: { type: 'double precision', nullable: true },
    distanceFromPathKm: { type: 'double precision', nullable: true },
    notes: { type: 'text', nullable: true },
  },
});

export interface CountingPoint extends OwnedRecord {
  name: string;
  latitude: number;
  longitude: number;
  adminPcode: string;
  countryCode: string;
  corridorId: string;
  kmAlong: number;
  distanceFromPathKm: number;
}

export const CountingPointSchema = new EntitySchema<CountingPoint>({
  name: 'CountingPoint',
  tableName: 'counting_point',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    ...PLACE_COLUMNS,
    name: { type: 'text' },
    corridorId: { type: 'uuid' },
    kmAlong: { type: 'double precision' },
    distanceFromPathKm: { type: 'double precision' },
  },
});
