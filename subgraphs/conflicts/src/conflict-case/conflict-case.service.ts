import { badInput } from '@peacegraph/kit/errors';
import { given, isoDate, notBefore, notInFuture, optionalText, Problems, type ReferenceChecks } from '@peacegraph/kit/input';
import { requireOwner, type Partner } from '@peacegraph/kit/policy';
import type { RecordWrites } from '@peacegraph/kit/writes';
import type { EntityManager } from 'typeorm';
import { ConflictCaseSchema, type ConflictCase } from './conflict-case.entity';
import type { ConflictCaseRepository } from './conflict-case.repository';
import type { ReportConflictCaseInput, UpdateConflictCaseInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { addHistory, changeCase, editableCase, type CaseChange } from './conflict-case.change';
import { countCaseChange } from '../statistics/case-figures.repository';
import { MAX_NARRATIVE, checkOtherCommunities, checkType, cleanParties, type PartyFields } from './conflict-case.rules';

/** `ML0306-2026-0007`: the community's admin P-code, the year of report and the area's sequence that year. */
export function caseReference(adminPcode: string, reportedOn: string, sequence: number): string {
  return `${adminPcode}-${reportedOn.slice(0, 4)}-${String(sequence).padStart(4, '0')}`;
}

/** Writes a case's parties, Party A first, and gives their ids. */
function addParties(
  cases: ConflictCaseRepository,
  manager: EntityManager,
  kase: ConflictCase,
  writer: Partner,
  parties: readonly PartyFields[],
): Promise<string[]> {
  const rows = parties.map((party) => ({ ...party, caseId: kase.id, ownerOrg: kase.ownerOrg, createdBy: writer.subject }));
  return cases.addParties(manager, rows);
}

/** Reporting cases and correcting what was recorded at report time. */
export class ConflictCaseService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  /** A retry with the same clientMutationId, sequential or concurrent, answers with the case reported first. */
  report(input: ReportConflictCaseInput): Promise<ConflictCase> {
    return this.writes.once(ConflictCaseSchema, input.clientMutationId, async (writer) => {
      const { place, reportedOn, parties, ...checked } = await this.check(writer, input);
      const values = { ...place, ...checked, level: input.level, type: input.type, reportedOn, statusSince: reportedOn };
      return this.writes.create(writer, { ...values, status: 'REPORTED', resolvedOn: null, everRelapsed: false }, input.clientMutationId, {
        schema: ConflictCaseSchema,
        recordType: 'ConflictCase',
        operation: 'reportConflictCase',
        fields: Object.keys(input),
        // The number is drawn in the report's transaction: a report that rolls back gives it back.
        fill: async (manager) => {
          const sequence = await this.repositories.cases.nextSequenceNumber(manager, place.adminPcode, Number(reportedOn.slice(0, 4)));
          return { reference: caseReference(place.adminPcode, reportedOn, sequence) };
        },
        after: async (manager, kase) => {
          await addParties(this.repositories.cases, manager, kase, writer, parties);
          await addHistory(this.repositories.cases, manager, kase, null, { to: 'REPORTED', on: reportedOn, note: null }, writer);
          await countCaseChange(manager, null, kase);
        },
      });
    });
  }

  async update(id: string, version: number, input: UpdateConflictCaseInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
    const { fields, parties } = await this.checkCorrection(current, input);
    const { cases } = this.repositories;
    return changeCase(this.writes, cases, writer, current, version, {
      operation: 'updateConflictCase',
      input,
      fields,
      // Corrected parties replace every party: their labels follow the new order.
      records: parties
        ? async (manager) => {
            await cases.removeParties(manager, current.id);
            return addParties(cases, manager, current, writer, parties);
          }
        : undefined,
    });
  }

  /**
   * Every problem of a correction at once, before anything is written: the case's columns that change,
   * and its new parties (null when they stay). The directory is asked last, as for a report.
   */
  private async checkCorrection(
    current: ConflictCase,
    input: UpdateConflictCaseInput,
  ): Promise<{ fields: NonNullable<CaseChange['fields']>; parties: PartyFields[] | null }> {
    const problems = new Problems();
    // A case always has a type, a level and parties; the rules below build on them, so removals are refused first.
    if (input.type === null) problems.add('input.type', 'A case has a type');
    if (input.level === null) problems.add('input.level', 'A case has a level');
    if (input.parties === null) problems.add('input.parties', 'A conflict has at least 2 parties');
    problems.throwIfAny();
    const { type, parties } = input;
    const fields: NonNullable<CaseChange['fields']> = {};
    if (given(type)) {
      problems.check('input.type', () => checkType('input.type', type));
      fields.type = type;
    }
    let others: string[] | undefined;
    if (input.level !== undefined || input.otherCommunities !== undefined) {
      const level = input.level ?? current.level;
      // Moving a case out of INTERCOMMUNITY drops the other communities unless they are given again.
      const named = input.otherCommunities ?? (level === 'INTERCOMMUNITY' ? current.otherCommunityIds : []);
      others = problems.check('input.otherCommunities', () =>
        checkOtherCommunities('input.level', 'input.otherCommunities', level, named, current.communityId),
      );
      fields.level = level;
      fields.otherCommunityIds = others;
    }
    if (input.narrative !== undefined)
      fields.narrative = problems.check('input.narrative', () =>
        optionalText('input.narrative', input.narrative, 'The narrative', MAX_NARRATIVE),
      );
    const cleaned = given(parties) ? problems.check('input.parties', () => cleanParties('input.parties', parties)) : null;
    // Only communities named again are placed: those the case keeps were placed when they were named.
    if (others && input.otherCommunities) {
      const placed = others;
      await problems.check('input.otherCommunities', () => this.directory.communities('input.otherCommunities', placed));
    }
    return problems.done({ fields, parties: cleaned });
  }

  /** Everything a report must satisfy, before anything is written. */
  private async check(writer: Partner, input: ReportConflictCaseInput) {
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
          this.directory.communities(
            (i) => (i === 0 ? 'input.peaceCommission' : `input.otherCommunities.${i - 1}`),
            [commission.communityId, ...others],
          ),
        )
      : undefined;
    const checked = problems.done({ places, others, parties, narrative });
    return {
      peaceCommissionId: commission.id,
      place: checked.places[0]!,
      reportedOn,
      otherCommunityIds: checked.others,
      parties: checked.parties,
      narrative: checked.narrative,
    };
  }
}
