import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('admin_area')
@Index(['countryCode', 'level', 'pcode'])
export class AdminArea {
  @PrimaryColumn({ type: 'text' })
  pcode!: string;

  @Column({ type: 'char', length: 2 })
  countryCode!: string;

  @Column({ type: 'smallint' })
  level!: number;

  @Column({ type: 'text' })
  name!: string;

  /** Lower-cased and unaccented name, computed by PostgreSQL; used for search. */
  @Column({ type: 'text', insert: false, update: false })
  nameKey!: string;

  @Index()
  @Column({ type: 'text', nullable: true })
  parentPcode!: string | null;

  @Column({ type: 'date', nullable: true })
  validFrom!: string | null;
}
