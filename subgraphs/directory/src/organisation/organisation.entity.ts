import { EntitySchema } from 'typeorm';

export const ORGANISATION_KINDS = ['NGO', 'CSO_NETWORK', 'INTERGOVERNMENTAL', 'UN_AGENCY', 'GOVERNMENT', 'DONOR'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const DOMAINS = ['DIRECTORY', 'CURRICULUM', 'CONFLICTS', 'FORUMS', 'MINING', 'DISPLACEMENT'] as const;
export type Domain = (typeof DOMAINS)[number];

export interface Organisation {
  id: string;
  name: string;
  nameKey: string;
  acronym: string | null;
  kind: OrganisationKind;
  countryCodes: string[];
  domains: Domain[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const OrganisationSchema = new EntitySchema<Organisation>({
  name: 'Organisation',
  tableName: 'organisation',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    name: { type: 'text' },
    nameKey: { type: 'text', insert: false, update: false },
    acronym: { type: 'text', nullable: true },
    kind: { type: 'text' },
    countryCodes: { type: 'text', array: true, default: () => "'{}'" },
    domains: { type: 'text', array: true, default: () => "'{}'" },
    createdAt: { type: 'timestamptz', createDate: true },
    updatedAt: { type: 'timestamptz', updateDate: true },
    version: { type: 'integer', version: true },
  },
});
