import { EntitySchema } from 'typeorm';
import { PARTICIPANT_COUNT_COLUMNS, type ParticipantGroup } from '../common/participants';
import { COVERED_PROVISION_COLUMNS, OWNED_RECORD_COLUMNS, type CoveredProvisions, type OwnedRecord } from '../common/record-columns';
import type { CommitmentStatus, DialogueLevel } from '../common/values';

/** A dialogue with decision makers; it may be held outside the platform's countries (no admin area). */
export interface PolicyDialogue extends OwnedRecord, CoveredProvisions {
  title: string;
  level: DialogueLevel;
  heldOn: string;
  venue: string;
  adminPcode: string | null;
  admin1Pcode: string | null;
  countryCode: string | null;
  /** Directory organisations that convened it with the owner. */
  convenedWith: string[];
  participantsTotal: number;
}

export const PolicyDialogueSchema = new EntitySchema<PolicyDialogue>({
  name: 'PolicyDialogue',
  tableName: 'policy_dialogue',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    ...COVERED_PROVISION_COLUMNS,
    title: { type: 'text' },
    level: { type: 'text' },
    heldOn: { type: 'date' },
    venue: { type: 'text' },
    adminPcode: { type: 'text', nullable: true },
    admin1Pcode: { type: 'text', nullable: true },
    countryCode: { type: 'char', length: 2, nullable: true },
    convenedWith: { type: 'uuid', array: true },
    participantsTotal: { type: 'integer' },
  },
});

export interface DialogueParticipantGroup extends ParticipantGroup {
  dialogueId: string;
}

export const DialogueParticipantGroupSchema = new EntitySchema<DialogueParticipantGroup>({
  name: 'DialogueParticipantGroup',
  tableName: 'dialogue_participant_group',
  columns: { dialogueId: { type: 'uuid', primary: true }, ...PARTICIPANT_COUNT_COLUMNS },
});

/** A commitment made at a dialogue; carries the dialogue's owner. */
export interface PolicyCommitment extends OwnedRecord {
  dialogueId: string;
  /** 1, 2 … in the order recorded at the dialogue. */
  number: number;
  description: string;
  madeBy: string;
  madeOn: string;
  dueOn: string | null;
  status: CommitmentStatus;
  statusSince: string;
}

export const PolicyCommitmentSchema = new EntitySchema<PolicyCommitment>({
  name: 'PolicyCommitment',
  tableName: 'policy_commitment',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    dialogueId: { type: 'uuid' },
    number: { type: 'smallint' },
    description: { type: 'text' },
    madeBy: { type: 'text' },
    madeOn: { type: 'date' },
    dueOn: { type: 'date', nullable: true },
    status: { type: 'text' },
    statusSince: { type: 'date' },
  },
});

/** One step in a commitment's life. Append-only: no version, no update. */
export interface CommitmentStatusChange {
  id: string;
  commitmentId: string;
  ownerOrg: string;
  fromStatus: CommitmentStatus | null;
  toStatus: CommitmentStatus;
  changedOn: string;
  note: string | null;
  createdBy: string;
  createdAt: Date;
}

export const CommitmentStatusChangeSchema = new EntitySchema<CommitmentStatusChange>({
  name: 'CommitmentStatusChange',
  tableName: 'commitment_status_change',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    commitmentId: { type: 'uuid' },
    ownerOrg: { type: 'uuid' },
    fromStatus: { type: 'text', nullable: true },
    toStatus: { type: 'text' },
    changedOn: { type: 'date' },
    note: { type: 'text', nullable: true },
    createdBy: { type: 'text' },
    createdAt: { type: 'timestamptz', createDate: true },
  },
});
