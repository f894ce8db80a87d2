import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import type { EarlyActionOverrides } from '../alert/early-action-settings';
import type { SeasonWindow } from './season';
import type { CorridorFormality } from '../common/transhumance-values';

/** GeoJSON as stored and served: positions are [longitude, latitude]. */
export interface LineString {
  type: 'LineString';
  coordinates: [number, number][];
}

export interface TranshumanceCorridor extends OwnedRecord {
  name: string;
  formality: CorridorFormality;
  /** What demarcates a formal corridor (e.g. the ECOWAS 1998 decision, a national pastoral code). */
  legalBasis: string | null;
  path: LineString;
  /** PostgreSQL box text, '(east,north),(west,south)'. */
  bounds: string;
  lengthKm: number;
  countryCodes: string[];
  adminPcodes: string[];
  season: SeasonWindow[];
  earlyAction: EarlyActionOverrides;
  notes: string | null;
}

export const TranshumanceCorridorSchema = new EntitySchema<TranshumanceCorridor>({
  name: 'TranshumanceCorridor',
  tableName: 'transhumance_corridor',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    name: { type: 'text' },
    formality: { type: 'text' },
    legalBasis: { type: 'text', nullable: true },
    path: { type: 'jsonb' },
    bounds: { type: 'box' as never },
    lengthKm: { type: 'double precision' },
    countryCodes: { type: 'text', array: true },
    adminPcodes: { type: 'text', array: true },
    season: { type: 'jsonb' },
    earlyAction: { type: 'jsonb' },
    notes: { type: 'text', nullable: true },
  },
});

export interface CorridorVertex {
  corridorId: string;
  seq: number;
  latitude: number;
  longitude: number;
  kmFromStart: number;
}

export const CorridorVertexSchema = new EntitySchema<CorridorVertex>({
  name: 'CorridorVertex',
  tableName: 'transhumance_corridor_vertex',
  columns: {
    corridorId: { type: 'uuid', primary: true },
    seq: { type: 'integer', primary: true },
    latitude: { type: 'double precision' },
    longitude: { type: 'double precision' },
    kmFromStart: { type: 'double precision' },
  },
});
