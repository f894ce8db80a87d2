import { EntitySchema } from 'typeorm';

export interface Country {
  /** ISO 3166-1 alpha-2 */
  code: string;
  alpha3: string;
  nameEn: string;
  nameFr: string;
  officialLanguages: string[];
  minLatitude: number;
  maxLatitude: number;
  minLongitude: number;
  maxLongitude: number;
}

export const CountrySchema = new EntitySchema<Country>({
  name: 'Country',
  tableName: 'country',
  columns: {
    code: { type: 'char', length: 2, primary: true },
    alpha3: { type: 'char', length: 3, unique: true },
    nameEn: { type: 'text' },
    nameFr: { type: 'text' },
    officialLanguages: { type: 'text', array: true },
    minLatitude: { type: 'double precision' },
    maxLatitude: { type: 'double precision' },
    minLongitude: { type: 'double precision' },
    maxLongitude: { type: 'double precision' },
  },
});
