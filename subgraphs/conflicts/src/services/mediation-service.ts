import { badInput, isoDate, optionalText, Problems } from '@peacegraph/kit';
import { MediationSessionSchema, type ConflictCase, type MediationOutcome } from '../entities';
import type { Loaders } from '../loaders';
import { CaseChanges, givenFields, newId, one, type CaseChange, type ChangeRequest } from './case-changes';
import { checkCaseDate } from './case-dates';
import { membersOf } from './commission-rules';
import { checkLeavingReferral } from './referral-rules';
import { checkTransition } from './status-machine';

export const MAX_ATTENDANCE = 2000;

export interface StatusChangeInput {
  on: Date | string;
  note?: string | null;
}

export interface MediationSessionInput {
  heldOn: Date | string;
  mediators: { women: number; men: number };
  attendance: { women: number; men: number };
  outcome: MediationOutcome;
  notes?: string | null;
}

/** Mediation by the commission: opening it, and the sessions held while it lasts. */
export class MediationService {
  constructor(
    private readonly changes: CaseChanges,
    private readonly loaders: Loaders,
  ) {}

  start(id: string, version: number, input: StatusChangeInput): Promise<ConflictCase> {
    return one(this.startMany([{ id, version, input }]));
  }

  async startMany(requests: readonly ChangeRequest<StatusChangeInput>[]): Promise<ConflictCase[]> {
    const { writer, opened } = await this.changes.open(requests);
    const referrals = await Promise.all(
      opened.map(({ current }) => (current.status === 'REFERRED' ? this.loaders.referralsOfCase.load(current.id) : [])),
    );
    const changes = opened.map(({ current, version, input }, i): CaseChange => {
      checkTransition(current.status, 'UNDER_MEDIATION');
      const on = isoDate(input.on);
      checkCaseDate('input.on', on, 'The start of mediation', current);
      checkLeavingReferral(current, referrals[i]!, 'input.on', on);
      return {
        current,
        version,
        fields: givenFields(input),
        status: { to: 'UNDER_MEDIATION', on, note: optionalText('input.note', input.note, 'The note', 2000) },
      };
    });
    return this.changes.apply(writer, 'startMediation', changes);
  }

  recordSession(id: string, version: number, input: MediationSessionInput): Promise<ConflictCase> {
    return one(this.recordSessions([{ id, version, input }]));
  }

  async recordSessions(requests: readonly ChangeRequest<MediationSessionInput>[]): Promise<ConflictCase[]> {
    const { writer, opened } = await this.changes.open(requests);
    const commissions = await Promise.all(opened.map(({ current }) => this.loaders.commission.load(current.peaceCommissionId)));
    const changes = opened.map(({ current, version, input }, i): CaseChange => {
      if (current.status !== 'UNDER_MEDIATION') {
        throw badInput(
          'id',
          `Mediation sessions are recorded while a case is UNDER_MEDIATION; case ${current.reference} is ${current.status}`,
        );
      }
      const problems = new Problems();
      const heldOn = isoDate(input.heldOn);
      problems.check('input.heldOn', () => checkCaseDate('input.heldOn', heldOn, 'The session date', current));
      const members = membersOf(commissions[i]!.membership);
      for (const [sex, have] of [
        ['women', members.women],
        ['men', members.men],
      ] as const) {
        const count = input.mediators[sex];
        if (!Number.isInteger(count) || count < 0) problems.add(`input.mediators.${sex}`, `${sex} must be a whole number of at least 0`);
        else if (count > have)
          problems.add(`input.mediators.${sex}`, `Mediators are commission members: the commission has ${have} ${sex}, not ${count}`);
      }
      if (input.mediators.women + input.mediators.men === 0) problems.add('input.mediators', 'A session has at least one mediator');
      for (const sex of ['women', 'men'] as const) {
        const count = input.attendance[sex];
        if (!Number.isInteger(count) || count < 0 || count > MAX_ATTENDANCE) {
          problems.add(`input.attendance.${sex}`, `${sex} must be a whole number from 0 to ${MAX_ATTENDANCE}`);
        }
      }
      const { notes } = problems.done({
        notes: problems.check('input.notes', () => optionalText('input.notes', input.notes, 'The notes', 4000)),
      });
      const row = {
        id: newId(),
        caseId: current.id,
        heldOn,
        mediatorsWomen: input.mediators.women,
        mediatorsMen: input.mediators.men,
        attendanceWomen: input.attendance.women,
        attendanceMen: input.attendance.men,
        outcome: input.outcome,
        notes,
        ownerOrg: current.ownerOrg,
        createdBy: writer.subject,
      };
      return { current, version, fields: givenFields(input), inserts: [{ schema: MediationSessionSchema, row }] };
    });
    return this.changes.apply(writer, 'recordMediationSession', changes);
  }
}
