import { EntitySchema } from 'typeorm';

export interface Language {
  /** ISO 639-3 */
  code: string;
  name: string;
  nameKey: string;
  glottocode: string | null;
  /** Countries of the platform where Glottolog records the language (ISO alpha-2). */
  countryCodes: string[];
}

export const LanguageSchema = new EntitySchema<Language>({
  name: 'Language',
  tableName: 'language',
  columns: {
    code: { type: 'char', length: 3, primary: true },
    name: { type: 'text' },
    nameKey: { type: 'text', insert: false, update: false },
    glottocode: { type: 'text', nullable: true },
    countryCodes: { type: 'text', array: true },
  },
});
