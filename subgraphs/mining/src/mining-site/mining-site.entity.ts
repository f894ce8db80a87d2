import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, PLACE_COLUMNS, type OwnedRecord, type Place } from '../common/record-columns';
import type { Mineral, MiningSiteKind } from '../common/values';

export interface MiningSite extends OwnedRecord, Place {
  name: string;
  kind: MiningSiteKind;
  minerals: Mineral[];
  /** A directory organisation; none for most artisanal sites. */
  operatorId: string | null;
}

export const MiningSiteSchema = new EntitySchema<MiningSite>({
  name: 'MiningSite',
  tableName: 'mining_site',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    ...PLACE_COLUMNS,
    name: { type: 'text' },
    kind: { type: 'text' },
    minerals: { type: 'text', array: true },
    operatorId: { type: 'uuid', nullable: true },
  },
});
