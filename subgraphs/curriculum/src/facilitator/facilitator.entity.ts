import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';

/** A person trained to deliver modules, working with the owning organisation. */
export interface Facilitator extends OwnedRecord {
  fullName: string;
  /** Lower-cased, unaccented name, computed by PostgreSQL; used for search. */
  nameKey: string;
  languageCodes: string[];
  certifiedModuleIds: string[];
  /** The directory community the facilitator lives in, and where it lay when recorded. */
  homeCommunityId: string | null;
  homeAdminPcode: string | null;
  homeCountryCode: string | null;
  /** Personal contact details: SENSITIVE. */
  phone: string | null;
  email: string | null;
}

export const FacilitatorSchema = new EntitySchema<Facilitator>({
  name: 'Facilitator',
  tableName: 'facilitator',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    fullName: { type: 'text' },
    nameKey: { type: 'text', insert: false, update: false },
    languageCodes: { type: 'text', array: true },
    certifiedModuleIds: { type: 'uuid', array: true },
    homeCommunityId: { type: 'uuid', nullable: true },
    homeAdminPcode: { type: 'text', nullable: true },
    homeCountryCode: { type: 'char', length: 2, nullable: true },
    phone: { type: 'text', nullable: true },
    email: { type: 'text', nullable: true },
  },
});
