import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('language')
export class Language {
  /** ISO 639-3 */
  @PrimaryColumn({ type: 'char', length: 3 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', insert: false, update: false })
  nameKey!: string;

  @Column({ type: 'text', nullable: true })
  glottocode!: string | null;

  /** Countries of the platform where Glottolog records the language (ISO alpha-2). */
  @Column({ type: 'text', array: true })
  countryCodes!: string[];
}
