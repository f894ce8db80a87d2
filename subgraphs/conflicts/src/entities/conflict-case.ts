import { EntitySchema } from 'typeorm';
import type { CaseStatus, ConflictLevel, ConflictType } from './values';

export interface ConflictCase {
  id: string;
  /** `<admin P-code>-<year reported>-<sequence>`, e.g. ML0306-2026-0007. */
  reference: string;
  peaceCommissionId: string;
  communityId: string;
  /** The community's lowest known admin area, and its admin-1 and admin-2 areas, when reported. */
  adminPcode: string;
  admin1Pcode: string;
  admin2Pcode: string | null;
  countryCode: string;
  level: ConflictLevel;
  otherCommunityIds: string[];
  type: ConflictType;
  reportedOn: string;
  status: CaseStatus;
  statusSince: string;
  /** Date of the current resolution while RESOLVED or FOLLOW_UP_HELD, null otherwise. */
  resolvedOn: string | null;
  everRelapsed: boolean;
  /** SENSITIVE. */
  narrative: string | null;
  clientMutationId: string | null;
  ownerOrg: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const ConflictCaseSchema = new EntitySchema<ConflictCase>({
  name: 'ConflictCase',
  tableName: 'conflict_case',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    reference: { type: 'text', unique: true },
    peaceCommissionId: { type: 'uuid' },
    communityId: { type: 'uuid' },
    adminPcode: { type: 'text' },
    admin1Pcode: { type: 'text' },
    admin2Pcode: { type: 'text', nullable: true },
    countryCode: { type: 'char', length: 2 },
    level: { type: 'text' },
    otherCommunityIds: { type: 'uuid', array: true, default: () => "'{}'" },
    type: { type: 'text' },
    reportedOn: { type: 'date' },
    status: { type: 'text' },
    statusSince: { type: 'date' },
    resolvedOn: { type: 'date', nullable: true },
    everRelapsed: { type: 'boolean', default: false },
    narrative: { type: 'text', nullable: true },
    clientMutationId: { type: 'text', nullable: true },
    ownerOrg: { type: 'uuid' },
    createdBy: { type: 'text' },
    createdAt: { type: 'timestamptz', createDate: true },
    updatedAt: { type: 'timestamptz', updateDate: true },
    version: { type: 'integer', version: true },
  },
});
