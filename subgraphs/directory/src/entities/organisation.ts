import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const ORGANISATION_KINDS = ['NGO', 'CSO_NETWORK', 'INTERGOVERNMENTAL', 'UN_AGENCY', 'GOVERNMENT', 'DONOR'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const DOMAINS = ['DIRECTORY', 'CURRICULUM', 'CONFLICTS', 'FORUMS', 'MINING', 'DISPLACEMENT'] as const;
export type Domain = (typeof DOMAINS)[number];

@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', insert: false, update: false })
  nameKey!: string;

  @Column({ type: 'text', nullable: true })
  acronym!: string | null;

  @Column({ type: 'text' })
  kind!: OrganisationKind;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  countryCodes!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  domains!: Domain[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ type: 'integer' })
  version!: number;
}
