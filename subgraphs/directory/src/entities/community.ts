import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity('community')
export class Community {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', insert: false, update: false })
  nameKey!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  alternativeNames!: string[];

  /** P-code of the lowest known admin area; descendants are found by P-code prefix. */
  @Column({ type: 'text' })
  adminPcode!: string;

  @Column({ type: 'char', length: 2 })
  countryCode!: string;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languageCodes!: string[];

  @Column({ type: 'text', nullable: true })
  clientMutationId!: string | null;

  /** The organisation that recorded the community (set once identity lands). */
  @Column({ type: 'uuid', nullable: true })
  ownerOrg!: string | null;

  @Column({ type: 'text', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ type: 'integer' })
  version!: number;
}
