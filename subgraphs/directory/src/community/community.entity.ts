import { EntitySchema } from 'typeorm';

export interface Community {
  id: string;
  name: string;
  /** Name and alternative names, lower-cased and unaccented by PostgreSQL; used for search. */
  nameKey: string;
  alternativeNames: string[];
  /** P-code of the lowest known admin area; descendants are found by P-code prefix. */
  adminPcode: string;
  countryCode: string;
  latitude: number | null;
  longitude: number | null;
  languageCodes: string[];
  /** The recording organisation's contact in the community: personal data, SENSITIVE. */
  focalPoint: string | null;
  clientMutationId: string | null;
  /** The organisation that recorded the community. */
  ownerOrg: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const CommunitySchema = new EntitySchema<Community>({
  name: 'Community',
  tableName: 'community',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    name: { type: 'text' },
    nameKey: { type: 'text', insert: false, update: false },
    alternativeNames: { type: 'text', array: true, default: () => "'{}'" },
    adminPcode: { type: 'text' },
    countryCode: { type: 'char', length: 2 },
    latitude: { type: 'double precision', nullable: true },
    longitude: { type: 'double precision', nullable: true },
    languageCodes: { type: 'text', array: true, default: () => "'{}'" },
    focalPoint: { type: 'text', nullable: true },
    clientMutationId: { type: 'text', nullable: true },
    ownerOrg: { type: 'uuid', nullable: true },
    createdBy: { type: 'text', nullable: true },
    createdAt: { type: 'timestamptz', createDate: true },
    updatedAt: { type: 'timestamptz', updateDate: true },
    version: { type: 'integer', version: true },
  },
});
