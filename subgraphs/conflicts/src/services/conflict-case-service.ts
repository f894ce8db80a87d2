import {
  badInput,
  createOnce,
  isoDate,
  notBefore,
  notInFuture,
  optionalText,
  requireOwner,
  requireWriter,
  type AuditRecorder,
  type DirectoryClient,
  type Viewer,
  given,
  Problems,
} from '@peacegraph/kit';
import {
  CaseStatusChangeSchema,
  ConflictCaseSchema,
  PartySchema,
  type ConflictCase,
  type ConflictLevel,
  type ConflictType,
} from '../entities';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { CaseChanges, DOMAIN, givenFields, newId, one, type CaseFields } from './case-changes';
import { MAX_NARRATIVE, checkOtherCommunities, checkType, cleanParties, type PartyFields, type PartyInput } from './case-rules';
import { placeCommunities } from './places';

export interface ReportConflictCaseInput {
  peaceCommission: string;
  reportedOn: Date | string;
  level: ConflictLevel;
  otherCommunities?: string[] | null;
  type: ConflictType;
  parties: PartyInput[];
  narrative?: string | null;
  clientMutationId?: string | null;
}

export interface UpdateConflictCaseInput {
  level?: ConflictLevel | null;
  otherCommunities?: string[] | null;
  type?: ConflictType | null;
  parties?: PartyInput[] | null;
  narrative?: string | null;
}

/** `ML0306-2026-0007`: the community's admin P-code, the year of report and the area's sequence that year. */
export function caseReference(adminPcode: string, reportedOn: string, sequence: number): string {
  return `${adminPcode}-${reportedOn.slice(0, 4)}-${String(sequence).padStart(4, '0')}`;
}

function partyRows(caseId: string, ownerOrg: string, createdBy: string, parties: readonly PartyFields[]) {
  return parties.map((party) => ({ ...party, id: newId(), caseId, ownerOrg, createdBy }));
}

/** Reporting cases (one, or a batch in one transaction) and correcting what was recorded at report time. */
export class ConflictCaseService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: DirectoryClient,
    private readonly viewer: Viewer,
    private readonly audit: AuditRecorder,
    private readonly changes: CaseChanges,
  ) {}

  /** One case; a retry with the same clientMutationId, sequential or concurrent, answers with the case reported first. */
  report(input: ReportConflictCaseInput): Promise<ConflictCase> {
    const writer = requireWriter(this.viewer, DOMAIN);
    const key = input.clientMutationId;
    return createOnce(
      key,
      async () => (key ? this.repositories.cases.byClientMutationId(writer.organisationId, key) : null),
      () => one(this.reportMany([input])),
    );
  }

  /**
   * Reports cases in the order given (references follow it). A case whose clientMutationId was seen
   * before, or earlier in the batch, is answered with the case reported then. Every case is checked
   * before anything is written.
   */
  async reportMany(inputs: readonly ReportConflictCaseInput[]): Promise<ConflictCase[]> {
    const writer = requireWriter(this.viewer, DOMAIN);
    const retried = inputs.flatMap((input) => (input.clientMutationId ? [input.clientMutationId] : []));
    const earlier = new Map(
      (await this.repositories.cases.byClientMutationIds(writer.organisationId, retried)).map((c) => [c.clientMutationId!, c]),
    );
    const keyed = new Map<string, ReportConflictCaseInput>();
    const fresh = inputs.filter((input) => {
      const key = input.clientMutationId;
      if (!key) return true;
      if (earlier.has(key) || keyed.has(key)) return false;
      keyed.set(key, input);
      return true;
    });
    const checked = await Promise.all(fresh.map((input) => this.check(input)));
    const created =
      checked.length === 0
        ? []
        : await this.repositories.transaction(async (manager) => {
            const wanted = new Map<string, { adminPcode: string; year: number; count: number }>();
            for (const { place, reportedOn } of checked) {
              const key = `${place.adminPcode}-${Number(reportedOn.slice(0, 4))}`;
              const entry = wanted.get(key) ?? { adminPcode: place.adminPcode, year: Number(reportedOn.slice(0, 4)), count: 0 };
              wanted.set(key, { ...entry, count: entry.count + 1 });
            }
            const last = await this.repositories.cases.reserveSequenceNumbers(manager, [...wanted.values()]);
            const next = new Map([...wanted].map(([key, { count }]) => [key, last.get(key)! - count + 1]));
            const rows = checked.map(({ input, commissionId, place, reportedOn, others, narrative }) => {
              const key = `${place.adminPcode}-${Number(reportedOn.slice(0, 4))}`;
              const sequence = next.get(key)!;
              next.set(key, sequence + 1);
              return {
                id: newId(),
                reference: caseReference(place.adminPcode, reportedOn, sequence),
                peaceCommissionId: commissionId,
                ...place,
                level: input.level,
                otherCommunityIds: others,
                type: input.type,
                reportedOn,
                status: 'REPORTED' as const,
                statusSince: reportedOn,
                resolvedOn: null,
                everRelapsed: false,
                narrative,
                clientMutationId: input.clientMutationId ?? null,
                ownerOrg: writer.organisationId,
                createdBy: writer.subject,
              };
            });
            await manager.getRepository(ConflictCaseSchema).insert(rows);
            await manager
              .getRepository(PartySchema)
              .insert(rows.flatMap((row, i) => partyRows(row.id, row.ownerOrg, writer.subject, checked[i]!.parties)));
            await manager.getRepository(CaseStatusChangeSchema).insert(
              rows.map((row) => ({
                caseId: row.id,
                fromStatus: null,
                toStatus: 'REPORTED' as const,
                changedOn: row.reportedOn,
                note: null,
                ownerOrg: row.ownerOrg,
                createdBy: writer.subject,
              })),
            );
            await this.audit.recordWrite(manager, {
              operation: 'reportConflictCase',
              recordType: 'ConflictCase',
              recordIds: rows.map((row) => row.id),
              fields: [...new Set(fresh.flatMap(givenFields))],
              ownerOrg: writer.organisationId,
            });
            return this.repositories.cases.inTransaction(
              manager,
              rows.map((row) => row.id),
            );
          });
    created.forEach((kase) => this.changes.remember(kase));
    const byInput = new Map(fresh.map((input, i) => [input, created[i]!]));
    return inputs.map(
      (input) => byInput.get(input) ?? earlier.get(input.clientMutationId!) ?? byInput.get(keyed.get(input.clientMutationId!)!)!,
    );
  }

  async update(id: string, version: number, input: UpdateConflictCaseInput): Promise<ConflictCase> {
    const { writer, opened } = await this.changes.open([{ id, version, input }]);
    const { current } = opened[0]!;
    const { caseFields, parties } = await this.checkCorrection(current, input);
    const [updated] = await this.changes.apply(writer, 'updateConflictCase', [
      {
        current,
        version,
        fields: givenFields(input),
        caseFields,
        replacesParties: parties !== null,
        inserts: parties
          ? partyRows(current.id, current.ownerOrg, writer.subject, parties).map((row) => ({ schema: PartySchema, row }))
          : [],
      },
    ]);
    return updated!;
  }

  /**
   * Every problem of a correction at once, before anything is written: the case's columns that change,
   * and its new parties (null when they stay). The directory is asked last, as for a report.
   */
  private async checkCorrection(
    current: ConflictCase,
    input: UpdateConflictCaseInput,
  ): Promise<{ caseFields: CaseFields; parties: PartyFields[] | null }> {
    const problems = new Problems();
    // A case always has a type, a level and parties; the rules below build on them, so removals are refused first.
    if (input.type === null) problems.add('input.type', 'A case has a type');
    if (input.level === null) problems.add('input.level', 'A case has a level');
    if (input.parties === null) problems.add('input.parties', 'A conflict has at least 2 parties');
    problems.throwIfAny();
    const { type, parties } = input;
    const caseFields: CaseFields = {};
    if (given(type)) {
      problems.check('input.type', () => checkType('input.type', type));
      caseFields.type = type;
    }
    let others: string[] | undefined;
    if (input.level !== undefined || input.otherCommunities !== undefined) {
      const level = input.level ?? current.level;
      // Moving a case out of INTERCOMMUNITY drops the other communities unless they are given again.
      const named = input.otherCommunities ?? (level === 'INTERCOMMUNITY' ? current.otherCommunityIds : []);
      others = problems.check('input.otherCommunities', () =>
        checkOtherCommunities('input.level', 'input.otherCommunities', level, named, current.communityId),
      );
      caseFields.level = level;
      caseFields.otherCommunityIds = others;
    }
    if (input.narrative !== undefined)
      caseFields.narrative = problems.check('input.narrative', () =>
        optionalText('input.narrative', input.narrative, 'The narrative', MAX_NARRATIVE),
      );
    const cleaned = given(parties) ? problems.check('input.parties', () => cleanParties('input.parties', parties)) : null;
    // Only communities named again are placed: those the case keeps were placed when they were named.
    if (others && input.otherCommunities) {
      const placed = others;
      await problems.check('input.otherCommunities', () =>
        placeCommunities(
          this.directory,
          placed.map((_, i) => `input.otherCommunities.${i}`),
          placed,
        ),
      );
    }
    return problems.done({ caseFields, parties: cleaned });
  }

  /** Everything a report must satisfy, before anything is written. */
  private async check(input: ReportConflictCaseInput) {
    const writer = requireWriter(this.viewer, DOMAIN);
    const commission = await this.loaders.commission.load(input.peaceCommission);
    if (!commission) throw badInput('input.peaceCommission', `No peace commission with id "${input.peaceCommission}"`);
    // Cases belong to the commission's organisation: nobody reports into another's commission.
    requireOwner(writer, commission.ownerOrg, `Peace commission ${commission.id}`);
    const problems = new Problems();
    if (!commission.active) problems.add('input.peaceCommission', 'This peace commission is inactive and takes no new cases');
    const reportedOn = isoDate(input.reportedOn);
    problems.check('input.reportedOn', () => {
      notInFuture('input.reportedOn', reportedOn, 'The report date');
      notBefore('input.reportedOn', reportedOn, commission.establishedOn, 'the peace commission was established');
    });
    problems.check('input.type', () => checkType('input.type', input.type));
    const others = problems.check('input.otherCommunities', () =>
      checkOtherCommunities('input.level', 'input.otherCommunities', input.level, input.otherCommunities ?? [], commission.communityId),
    );
    const parties = problems.check('input.parties', () => cleanParties('input.parties', input.parties));
    const narrative = problems.check('input.narrative', () =>
      optionalText('input.narrative', input.narrative, 'The narrative', MAX_NARRATIVE),
    );
    // The commission's community and the others, placed by the directory as it is today.
    const places = others
      ? await problems.check('input.otherCommunities', () =>
          placeCommunities(
            this.directory,
            ['input.peaceCommission', ...others.map((_, i) => `input.otherCommunities.${i}`)],
            [commission.communityId, ...others],
          ),
        )
      : undefined;
    const checked = problems.done({ places, others, parties, narrative });
    return {
      input,
      commissionId: commission.id,
      place: checked.places[0]!,
      reportedOn,
      others: checked.others,
      parties: checked.parties,
      narrative: checked.narrative,
    };
  }
}
