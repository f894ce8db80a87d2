import { badInput } from '@peacegraph/kit/errors';
import { isoDate, optionalText, Problems } from '@peacegraph/kit/input';
import type { RecordWrites } from '@peacegraph/kit/writes';
import { type ConflictCase } from '../conflict-case/conflict-case.entity';
import { MediationSessionSchema } from './mediation-session.entity';
import type { MediationSessionInput, StatusChangeInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import { changeCase, editableCase, insertRecords } from '../conflict-case/conflict-case.change';
import { checkCaseDate } from '../conflict-case/conflict-case.dates';
import { membersOf } from '../peace-commission/peace-commission.rules';
import { checkLeavingReferral } from '../referral/referral.rules';
import { checkTransition } from '../conflict-case/conflict-case.status';

export const MAX_ATTENDANCE = 2000;

/** Mediation by the commission: opening it, and the sessions held while it lasts. */
export class MediationService {
  constructor(
    private readonly writes: RecordWrites,
    private readonly loaders: Loaders,
  ) {}

  async start(id: string, version: number, input: StatusChangeInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
    const referrals = current.status === 'REFERRED' ? await this.loaders.referralsOfCase.load(current.id) : [];
    checkTransition(current.status, 'UNDER_MEDIATION');
    const on = isoDate(input.on);
    checkCaseDate('input.on', on, 'The start of mediation', current);
    checkLeavingReferral(current, referrals, 'input.on', on);
    return changeCase(this.writes, writer, current, version, {
      operation: 'startMediation',
      input,
      status: { to: 'UNDER_MEDIATION', on, note: optionalText('input.note', input.note, 'The note', 2000) },
    });
  }

  async recordSession(id: string, version: number, input: MediationSessionInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
    if (current.status !== 'UNDER_MEDIATION') {
      throw badInput(
        'id',
        `Mediation sessions are recorded while a case is UNDER_MEDIATION; case ${current.reference} is ${current.status}`,
      );
    }
    const commission = await this.loaders.commission.load(current.peaceCommissionId);
    const problems = new Problems();
    const heldOn = isoDate(input.heldOn);
    problems.check('input.heldOn', () => checkCaseDate('input.heldOn', heldOn, 'The session date', current));
    const members = membersOf(commission!.membership);
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
    const session = {
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
    return changeCase(this.writes, writer, current, version, {
      operation: 'recordMediationSession',
      input,
      records: (manager) => insertRecords(manager, MediationSessionSchema, [session]),
    });
  }
}
