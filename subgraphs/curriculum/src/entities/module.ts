import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from './record';

/** A published module of the curriculum, e.g. Peace and Security. */
export interface Module extends OwnedRecord {
  title: string;
  /** The curriculum's own version of the module ("2024"), not the record's optimistic-lock version. */
  edition: string;
  summary: string | null;
}

export const ModuleSchema = new EntitySchema<Module>({
  name: 'Module',
  tableName: 'module',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    title: { type: 'text' },
    edition: { type: 'text' },
    summary: { type: 'text', nullable: true },
  },
});
