import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import type { EarlyActionOverrides } from '../services/early-action-settings';
import type { SeasonWindow } from '../services/season';
import type { AlertEvidence } from '../services/early-action';
import type {
  AlertKind,
  AlertRaiser,
  AlertSeverity,
  AlertStatus,
  AlertTrigger,
  CorridorFormality,
  FlowDirection,
  RecipientKind,
  SpotKind,
} from './transhumance-values';

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

export interface TranshumanceAlert extends OwnedRecord {
  kind: AlertKind;
  trigger: AlertTrigger | null;
  status: AlertStatus;
  severity: AlertSeverity;
  raisedBy: AlertRaiser;
  summary: string | null;
  spotId: string | null;
  corridorId: string | null;
  adminPcode: string | null;
  countryCode: string | null;
  latitude: number | null;
  longitude: number | null;
  direction: FlowDirection | null;
  expectedArrival: Date | null;
  cattle: number;
  sheep: number;
  goats: number;
  camels: number;
  tlu: number;
  reasoning: string | null;
  evidence: AlertEvidence | null;
  ruleKey: string | null;
  raisedAt: Date;
  verifiedAt: Date | null;
  disseminatedAt: Date | null;
  responseAt: Date | null;
  response: string | null;
  respondedBy: string | null;
  closedAt: Date | null;
  dismissed: boolean;
  closeReason: string | null;
}

export const TranshumanceAlertSchema = new EntitySchema<TranshumanceAlert>({
  name: 'TranshumanceAlert',
  tableName: 'transhumance_alert',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    kind: { type: 'text' },
    trigger: { type: 'text', nullable: true },
    status: { type: 'text' },
    severity: { type: 'text' },
    raisedBy: { type: 'text' },
    summary: { type: 'text', nullable: true },
    spotId: { type: 'uuid', nullable: true },
    corridorId: { type: 'uuid', nullable: true },
    adminPcode: { type: 'text', nullable: true },
    countryCode: { type: 'char', length: 2, nullable: true },
    latitude: { type: 'double precision', nullable: true },
    longitude: { type: 'double precision', nullable: true },
    direction: { type: 'text', nullable: true },
    expectedArrival: { type: 'timestamptz', nullable: true },
    cattle: { type: 'integer' },
    sheep: { type: 'integer' },
    goats: { type: 'integer' },
    camels: { type: 'integer' },
    tlu: { type: 'double precision' },
    reasoning: { type: 'text', nullable: true },
    evidence: { type: 'jsonb', nullable: true },
    ruleKey: { type: 'text', nullable: true },
    raisedAt: { type: 'timestamptz' },
    verifiedAt: { type: 'timestamptz', nullable: true },
    disseminatedAt: { type: 'timestamptz', nullable: true },
    responseAt: { type: 'timestamptz', nullable: true },
    response: { type: 'text', nullable: true },
    respondedBy: { type: 'text', nullable: true },
    closedAt: { type: 'timestamptz', nullable: true },
    dismissed: { type: 'boolean' },
    closeReason: { type: 'text', nullable: true },
  },
});

export interface AlertRecipient {
  alertId: string;
  position: number;
  kind: RecipientKind;
  name: string;
  organisationId: string | null;
  disseminatedAt: Date;
}

export const AlertRecipientSchema = new EntitySchema<AlertRecipient>({
  name: 'TranshumanceAlertRecipient',
  tableName: 'transhumance_alert_recipient',
  columns: {
    alertId: { type: 'uuid', primary: true },
    position: { type: 'integer', primary: true },
    kind: { type: 'text' },
    name: { type: 'text' },
    organisationId: { type: 'uuid', nullable: true },
    disseminatedAt: { type: 'timestamptz' },
  },
});

export interface AlertTransition {
  id: string;
  alertId: string;
  ownerOrg: string;
  fromStatus: AlertStatus | null;
  toStatus: AlertStatus;
  at: Date;
  actor: string;
  actorOrg: string | null;
  note: string | null;
  recordedAt: Date;
}

export const AlertTransitionSchema = new EntitySchema<AlertTransition>({
  name: 'TranshumanceAlertTransition',
  tableName: 'transhumance_alert_transition',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    alertId: { type: 'uuid' },
    ownerOrg: { type: 'uuid' },
    fromStatus: { type: 'text', nullable: true },
    toStatus: { type: 'text' },
    at: { type: 'timestamptz' },
    actor: { type: 'text' },
    actorOrg: { type: 'uuid', nullable: true },
    note: { type: 'text', nullable: true },
    recordedAt: { type: 'timestamptz', createDate: true },
  },
});
