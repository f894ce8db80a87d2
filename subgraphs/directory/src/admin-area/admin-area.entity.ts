import { EntitySchema } from 'typeorm';

export interface AdminArea {
  pcode: string;
  countryCode: string;
  level: number;
  name: string;
  /** Lower-cased and unaccented name, computed by PostgreSQL; used for search. */
  nameKey: string;
  parentPcode: string | null;
  validFrom: string | null;
}

export const AdminAreaSchema = new EntitySchema<AdminArea>({
  name: 'AdminArea',
  tableName: 'admin_area',
  columns: {
    pcode: { type: 'text', primary: true },
    countryCode: { type: 'char', length: 2 },
    level: { type: 'smallint' },
    name: { type: 'text' },
    nameKey: { type: 'text', insert: false, update: false },
    parentPcode: { type: 'text', nullable: true },
    validFrom: { type: 'date', nullable: true },
  },
});
