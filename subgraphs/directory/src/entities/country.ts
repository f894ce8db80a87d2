import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('country')
export class Country {
  /** ISO 3166-1 alpha-2 */
  @PrimaryColumn({ type: 'char', length: 2 })
  code!: string;

  @Column({ type: 'char', length: 3, unique: true })
  alpha3!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @Column({ type: 'text' })
  nameFr!: string;

  @Column({ type: 'text', array: true })
  officialLanguages!: string[];

  @Column({ type: 'double precision' })
  minLatitude!: number;

  @Column({ type: 'double precision' })
  maxLatitude!: number;

  @Column({ type: 'double precision' })
  minLongitude!: number;

  @Column({ type: 'double precision' })
  maxLongitude!: number;
}
