import { badInput } from '@peacegraph/kit/errors';
import { given, isoDate, notBefore, notInFuture, optionalText, Problems } from '@peacegraph/kit/input';
import { updateWithVersion, type RecordWrites } from '@peacegraph/kit/writes';
import { type ConflictCase } from '../conflict-case/conflict-case.entity';
import { FollowUpCheckSchema, type FollowUpCheck } from './follow-up.entity';
import { type Resolution } from '../resolution/resolution.entity';
import type { FollowUpInput, ScheduleFollowUpInput, StatusChangeInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import { changeCase, editableCase, insertRecords, type StatusMove } from '../conflict-case/conflict-case.change';
import { checkCaseDate } from '../conflict-case/conflict-case.dates';
import { checkTransition } from '../conflict-case/conflict-case.status';

const FOLLOWED_UP = ['RESOLVED', 'FOLLOW_UP_HELD'];

function checkResolved(current: ConflictCase): void {
  if (!FOLLOWED_UP.includes(current.status)) {
    throw badInput('id', `Follow-up checks are for resolved cases; case ${current.reference} is ${current.status}`);
  }
}

function currentResolution(current: ConflictCase, resolutions: readonly Resolution[]): Resolution {
  const resolution = resolutions.at(-1);
  if (!resolution) throw new Error(`Resolved case ${current.id} has no resolution`);
  return resolution;
}

/**
 * After a resolution: checks at dates the commission chooses, and relapses. The first check that finds
 * the agreement holding moves the case to FOLLOW_UP_HELD; later ones are records only; a relapse
 * reopens the case.
 */
export class FollowUpService {
  constructor(
    private readonly writes: RecordWrites,
    private readonly loaders: Loaders,
  ) {}

  async schedule(id: string, version: number, input: ScheduleFollowUpInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
    const resolutions = await this.loaders.resolutionsOfCase.load(current.id);
    checkResolved(current);
    const dueOn = notBefore('input.dueOn', isoDate(input.dueOn), current.resolvedOn, 'the resolution');
    const check = {
      caseId: current.id,
      resolutionId: currentResolution(current, resolutions).id,
      dueOn,
      heldOn: null,
      finding: null,
      notes: null,
      ownerOrg: current.ownerOrg,
      createdBy: writer.subject,
    };
    return changeCase(this.writes, writer, current, version, {
      operation: 'scheduleFollowUp',
      input,
      records: (manager) => insertRecords(manager, FollowUpCheckSchema, [check]),
    });
  }

  async record(id: string, version: number, input: FollowUpInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
    const [resolutions, checks] = await Promise.all([
      this.loaders.resolutionsOfCase.load(current.id),
      this.loaders.followUpsOfCase.load(current.id),
    ]);
    checkResolved(current);
    const heldOn = isoDate(input.heldOn);
    const resolution = currentResolution(current, resolutions);
    const problems = new Problems();
    let scheduled: FollowUpCheck | undefined;
    if (given(input.followUp)) {
      scheduled = checks.find((check) => check.id === input.followUp);
      if (!scheduled || scheduled.resolutionId !== resolution.id) {
        problems.add(
          'input.followUp',
          `No follow-up check "${input.followUp}" is scheduled for the current resolution of ${current.reference}`,
        );
      } else if (scheduled.heldOn) problems.add('input.followUp', `That follow-up check was already held on ${scheduled.heldOn}`);
    }
    // A status change may not be dated before the last one; a later check only not before the resolution.
    let status: StatusMove | undefined;
    if (input.finding === 'RELAPSED' || current.status === 'RESOLVED') {
      const to = input.finding === 'RELAPSED' ? 'RELAPSED' : 'FOLLOW_UP_HELD';
      checkTransition(current.status, to);
      problems.check('input.heldOn', () => checkCaseDate('input.heldOn', heldOn, 'The check date', current));
      status = { to, on: heldOn, note: null };
    } else {
      problems.check('input.heldOn', () => {
        notInFuture('input.heldOn', heldOn, 'The check date');
        notBefore('input.heldOn', heldOn, current.resolvedOn, 'the resolution');
      });
    }
    const { notes } = problems.done({
      notes: problems.check('input.notes', () => optionalText('input.notes', input.notes, 'The notes', 4000)),
    });
    const held = { heldOn, finding: input.finding, notes };
    return changeCase(this.writes, writer, current, version, {
      operation: 'recordFollowUp',
      input,
      status,
      fields: input.finding === 'RELAPSED' ? { everRelapsed: true, resolvedOn: null } : undefined,
      records: async (manager) => {
        if (!scheduled) {
          const check = {
            caseId: current.id,
            resolutionId: resolution.id,
            dueOn: null,
            ...held,
            ownerOrg: current.ownerOrg,
            createdBy: writer.subject,
          };
          return insertRecords(manager, FollowUpCheckSchema, [check]);
        }
        await updateWithVersion(manager, FollowUpCheckSchema, 'FollowUpCheck', scheduled.id, scheduled.version, held);
        return [scheduled.id];
      },
    });
  }

  async reportRelapse(id: string, version: number, input: StatusChangeInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
    checkTransition(current.status, 'RELAPSED');
    const on = isoDate(input.on);
    checkCaseDate('input.on', on, 'The relapse date', current);
    return changeCase(this.writes, writer, current, version, {
      operation: 'reportRelapse',
      input,
      status: { to: 'RELAPSED', on, note: optionalText('input.note', input.note, 'The note', 2000) },
      fields: { everRelapsed: true, resolvedOn: null },
    });
  }
}
