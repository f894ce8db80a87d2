import { EntitySchema } from 'typeorm';
import { caseRecordColumns, type CaseRecord } from './case-record';
import type { PartyAgeGroup, PartyKind, PartySex } from './values';

/** A party to a case, pseudonymised: known by its per-case label, kind, sex and age group. */
export interface Party extends CaseRecord {
  /** Party A, Party B … in reported order. */
  label: string;
  position: number;
  kind: PartyKind;
  sex: PartySex;
  ageGroup: PartyAgeGroup;
  /** SENSITIVE, and optional: recorded only if the commission needs it. */
  name: string | null;
}

export const PartySchema = new EntitySchema<Party>({
  name: 'Party',
  tableName: 'conflict_party',
  columns: {
    ...caseRecordColumns,
    label: { type: 'text' },
    position: { type: 'smallint' },
    kind: { type: 'text' },
    sex: { type: 'text' },
    ageGroup: { type: 'text' },
    name: { type: 'text', nullable: true },
  },
});
