import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import { EntitySchema } from 'typeorm';
import type {
  AlertKind,
  AlertRaiser,
  AlertSeverity,
  AlertStatus,
  AlertTrigger,
  FlowDirection,
  RecipientKind,
} from '../common/transhumance-values';
import type { AlertEvidence } from './early-action.rules';

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
