import type { Partner } from '@peacegraph/kit/policy';
import type { RecordWrites } from '@peacegraph/kit/writes';
import type { EntityManager } from 'typeorm';
import { type CaseStatus } from '../common/values';
import { ConflictCaseSchema, type ConflictCase } from './conflict-case.entity';
import type { ConflictCaseRepository } from './conflict-case.repository';
import type { Loaders } from '../loaders';
import { countCaseChange } from '../statistics/case-figures.repository';

export interface StatusMove {
  to: CaseStatus;
  on: string;
  note: string | null;
}

/** What one step of a case's life (a session, a referral, a correction …) writes. */
export interface CaseChange {
  operation: string;
  /** The input, whose fields the audit log names (never their values). */
  input: object;
  /** A move to another status: the case's history gets an entry with it. */
  status?: StatusMove;
  /** Columns of the case that change besides its status. */
  fields?: Partial<Pick<ConflictCase, 'resolvedOn' | 'everRelapsed' | 'level' | 'otherCommunityIds' | 'type' | 'narrative'>>;
  /** The step's own records, written after the case; their ids go into the audit row beside the case's. */
  records?: (manager: EntityManager) => Promise<string[]>;
}

/** A case the caller may change: it exists, the caller's organisation owns it, and it is the version read. */
export async function editableCase(writes: RecordWrites, loaders: Loaders, id: string, version: number) {
  const writer = writes.writer();
  const current = writes.editable(writer, await loaders.case.load(id), 'ConflictCase', id, version);
  return { writer, current };
}

/**
 * Every change of a case after its report goes this one way: the case row is updated first, on the
 * version the caller read, so of two mediators writing at once one wins and the other gets CONFLICT
 * with nothing written; then its history entry, its case figures (statistics' rollup), the step's
 * records and one audit row, all in the kit's one transaction.
 */
export function changeCase(
  writes: RecordWrites,
  cases: ConflictCaseRepository,
  writer: Partner,
  current: ConflictCase,
  version: number,
  change: CaseChange,
): Promise<ConflictCase> {
  const { status } = change;
  const moved = status && { status: status.to, statusSince: status.on };
  return writes.update(
    current,
    version,
    { ...change.fields, ...moved },
    {
      schema: ConflictCaseSchema,
      recordType: 'ConflictCase',
      operation: change.operation,
      fields: [...Object.keys(change.input), ...(status ? ['status'] : [])],
      after: async (manager, updated) => {
        if (status) await addHistory(cases, manager, current, current.status, status, writer);
        // `current` is the row this update replaced (same version): its figures give way to the new row's.
        await countCaseChange(manager, current, updated);
        return change.records?.(manager);
      },
    },
  );
}

/** The entry of the case's history for a status it takes, from its report on: the history is only ever appended to. */
export function addHistory(
  cases: ConflictCaseRepository,
  manager: EntityManager,
  kase: ConflictCase,
  from: CaseStatus | null,
  move: StatusMove,
  writer: Partner,
): Promise<void> {
  return cases.addStatusChange(manager, {
    caseId: kase.id,
    fromStatus: from,
    toStatus: move.to,
    changedOn: move.on,
    note: move.note,
    ownerOrg: kase.ownerOrg,
    createdBy: writer.subject,
  });
}
