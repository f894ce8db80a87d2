import { badInput, conflict, notFound, requireOwner, requireWriter, type AuditRecorder, type Partner, type Viewer } from '@peacegraph/kit';
import type { EntityManager, EntitySchema, ObjectLiteral } from 'typeorm';
import { CaseStatusChangeSchema, ConflictCaseSchema, PartySchema, type CaseStatus, type ConflictCase } from '../entities';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { CASE_COLUMNS, RECORD_COLUMNS, RECORD_TYPES, updateVersioned, type ChangingRecord } from '../repositories/versioned-rows';

export const DOMAIN = 'conflicts';

/** A change asked of one case: which case, the version the caller read, and what changes. */
export interface ChangeRequest<I> {
  id: string;
  version: number;
  input: I;
}

/** A request whose case the caller may change, with the case as read. */
export interface OpenedChange<I> extends ChangeRequest<I> {
  current: ConflictCase;
}

export interface StatusMove {
  to: CaseStatus;
  on: string;
  note: string | null;
}

/** Columns of the case itself that change besides status, version and update time. */
export type CaseFields = Partial<Pick<ConflictCase, 'resolvedOn' | 'everRelapsed' | 'level' | 'otherCommunityIds' | 'type' | 'narrative'>>;

export interface CaseChange {
  current: ConflictCase;
  version: number;
  /** Input fields the caller sent, for the audit log (never their values). */
  fields: string[];
  status?: StatusMove;
  caseFields?: CaseFields;
  /** New records (a session, a referral …), ids made by the service so that other records and the audit log can name them. */
  inserts?: { schema: EntitySchema<ObjectLiteral>; row: ObjectLiteral & { id: string } }[];
  /** Records of the case that change, on the version read. */
  updates?: { record: ChangingRecord; id: string; version: number; values: Record<string, unknown> }[];
  /** Corrections replace every party; the new ones come as inserts. */
  replacesParties?: boolean;
}

/** A new record's id, made before the insert so the same change can refer to it. */
export function newId(): string {
  return crypto.randomUUID();
}

/**
 * The one way cases change, one or many at a time. The caller must hold conflicts:write, own each case
 * and send the version it read; the case rows are updated first, on those versions (optimistic
 * locking), so of two mediators writing at once one wins and the other gets CONFLICT with nothing
 * written; then the history, the changes' records and one audit row, all in one transaction. Many
 * cases at once cost the same few statements as one: the demo loader relies on it.
 */
export class CaseChanges {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly viewer: Viewer,
    private readonly audit: AuditRecorder,
  ) {}

  async open<I>(requests: readonly ChangeRequest<I>[]): Promise<{ writer: Partner; opened: OpenedChange<I>[] }> {
    const writer = requireWriter(this.viewer, DOMAIN);
    // Each change is checked against the case as read: two changes of one case in one batch would both
    // pass (two resolutions, two referrals) and the version check would let both through, since the
    // batch updates the case row once. One change per case; the next batch sees the first's result.
    const seen = new Set<string>();
    for (const request of requests) {
      if (seen.has(request.id))
        throw badInput('id', `Case ${request.id} is changed twice in one batch: send its changes one batch after another`);
      seen.add(request.id);
    }
    const cases = await Promise.all(requests.map((request) => this.loaders.case.load(request.id)));
    const opened = requests.map((request, i) => {
      const current = cases[i];
      if (!current) throw notFound('ConflictCase', request.id);
      requireOwner(writer, current.ownerOrg, `Conflict case ${current.reference}`);
      if (current.version !== request.version) throw this.outOfDate(current.reference, current.version, request.version);
      return { ...request, current };
    });
    return { writer, opened };
  }

  async apply(writer: Partner, operation: string, changes: readonly CaseChange[]): Promise<ConflictCase[]> {
    if (changes.length === 0) return [];
    const stored = await this.repositories.transaction(async (manager) => {
      await this.updateCases(manager, changes);
      const moves = changes.filter((c) => c.status);
      if (moves.length > 0) {
        await manager.getRepository(CaseStatusChangeSchema).insert(
          moves.map(({ current, status }) => ({
            caseId: current.id,
            fromStatus: current.status,
            toStatus: status!.to,
            changedOn: status!.on,
            note: status!.note,
            ownerOrg: current.ownerOrg,
            createdBy: writer.subject,
          })),
        );
      }
      const replaced = changes.filter((c) => c.replacesParties).map((c) => c.current.id);
      if (replaced.length > 0)
        await manager.createQueryBuilder().delete().from(PartySchema).where('case_id IN (:...replaced)', { replaced }).execute();
      const inserts = changes.flatMap((c) => c.inserts ?? []);
      for (const schema of new Set(inserts.map((i) => i.schema))) {
        await manager.getRepository(schema).insert(inserts.filter((i) => i.schema === schema).map((i) => i.row));
      }
      const updates = changes.flatMap((c) => c.updates ?? []);
      for (const record of new Set(updates.map((u) => u.record))) {
        const rows = updates.filter((u) => u.record === record);
        const changed = await updateVersioned(manager, record, RECORD_COLUMNS[record], rows);
        if (changed.size !== rows.length) throw conflict(`A ${record.replace(/_/g, ' ')} of this case has changed since you read it`);
      }
      await this.audit.recordWrite(manager, {
        operation,
        recordType: recordTypeOf(changes),
        recordIds: [...new Set([...inserts.map((i) => i.row.id), ...updates.map((u) => u.id), ...changes.map((c) => c.current.id)])],
        fields: [...new Set([...changes.flatMap((c) => c.fields), ...(moves.length ? ['status'] : [])])],
        ownerOrg: writer.organisationId,
      });
      return this.repositories.cases.inTransaction(
        manager,
        changes.map((c) => c.current.id),
      );
    });
    stored.forEach((kase) => this.remember(kase));
    return stored;
  }

  /** Later reads in the same request (a second mutation, the answer's fields) see the case as stored. */
  remember(stored: ConflictCase): void {
    this.loaders.case.clear(stored.id).prime(stored.id, stored);
    this.loaders.caseByReference.clear(stored.reference).prime(stored.reference, stored);
    for (const loader of [
      this.loaders.partiesOfCase,
      this.loaders.historyOfCase,
      this.loaders.sessionsOfCase,
      this.loaders.referralsOfCase,
      this.loaders.resolutionsOfCase,
      this.loaders.followUpsOfCase,
    ]) {
      loader.clear(stored.id);
    }
  }

  private async updateCases(manager: EntityManager, changes: readonly CaseChange[]): Promise<void> {
    const rows = changes.map(({ current, version, status, caseFields }) => {
      const next = { ...current, ...caseFields, ...(status ? { status: status.to, statusSince: status.on } : {}) };
      return {
        id: current.id,
        version,
        values: {
          status: next.status,
          status_since: next.statusSince,
          resolved_on: next.resolvedOn,
          ever_relapsed: next.everRelapsed,
          level: next.level,
          other_community_ids: next.otherCommunityIds,
          type: next.type,
          narrative: next.narrative,
        },
      };
    });
    const updated = await updateVersioned(manager, 'conflict_case', CASE_COLUMNS, rows);
    const lost = changes.find((c) => !updated.has(c.current.id));
    if (lost) {
      // Someone changed the case between our read and our write: tell the caller which version is current.
      const now = await manager.getRepository(ConflictCaseSchema).findOneByOrFail({ id: lost.current.id });
      throw this.outOfDate(lost.current.reference, now.version, lost.version);
    }
  }

  private outOfDate(reference: string, currentVersion: number, sent: number) {
    return conflict(`Conflict case ${reference} has changed since you read it (version ${currentVersion}, you sent ${sent})`, {
      currentVersion,
    });
  }
}

/** What one change wrote, for the audit log: its new or changed record, else the case; a batch names cases. */
function recordTypeOf(changes: readonly CaseChange[]): string {
  const [only] = changes;
  if (changes.length !== 1 || !only) return 'ConflictCase';
  if (only.inserts?.[0] && !only.replacesParties) return only.inserts[0].schema.options.name;
  if (only.updates?.[0]) return RECORD_TYPES[only.updates[0].record];
  return 'ConflictCase';
}

/** Input fields that were given, for the audit log. */
export function givenFields(input: object): string[] {
  return Object.entries(input)
    .filter(([key, value]) => value !== undefined && key !== 'clientMutationId')
    .map(([key]) => key);
}

/** The single-case form of a batch method. */
export async function one<T>(many: Promise<T[]>): Promise<T> {
  return (await many)[0]!;
}
