import { EntitySchema } from 'typeorm';
import type { CommissionRole } from '../common/values';

/** Members holding one role, counted by sex: the commission's members are never named. */
export interface MembershipCount {
  role: CommissionRole;
  women: number;
  men: number;
}

export interface PeaceCommission {
  id: string;
  /** Directory community it serves; one commission per community. */
  communityId: string;
  /** Copied from the directory when recorded, so cases and lists filter by area without asking it. */
  adminPcode: string;
  admin1Pcode: string;
  admin2Pcode: string | null;
  countryCode: string;
  managementCommittee: string;
  establishedOn: string;
  active: boolean;
  /** Every role, in the order of COMMISSION_ROLES. */
  membership: MembershipCount[];
  clientMutationId: string | null;
  ownerOrg: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const PeaceCommissionSchema = new EntitySchema<PeaceCommission>({
  name: 'PeaceCommission',
  tableName: 'peace_commission',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    communityId: { type: 'uuid' },
    adminPcode: { type: 'text' },
    admin1Pcode: { type: 'text' },
    admin2Pcode: { type: 'text', nullable: true },
    countryCode: { type: 'char', length: 2 },
    managementCommittee: { type: 'text' },
    establishedOn: { type: 'date' },
    active: { type: 'boolean', default: true },
    membership: { type: 'jsonb' },
    clientMutationId: { type: 'text', nullable: true },
    ownerOrg: { type: 'uuid' },
    createdBy: { type: 'text' },
    createdAt: { type: 'timestamptz', createDate: true },
    updatedAt: { type: 'timestamptz', updateDate: true },
    version: { type: 'integer', version: true },
  },
});
