import { badInput, given, isoDate, notBefore, notInFuture, optionalText, Problems } from '@peacegraph/kit';
import { FollowUpCheckSchema, type ConflictCase, type FollowUpCheck, type FollowUpFinding, type Resolution } from '../entities';
import type { Loaders } from '../loaders';
import { CaseChanges, givenFields, newId, one, type CaseChange, type ChangeRequest, type StatusMove } from './case-changes';
import { checkCaseDate } from './case-dates';
import type { StatusChangeInput } from './mediation-service';
import { checkTransition } from './status-machine';

export interface ScheduleFollowUpInput {
  dueOn: Date | string;
}

export interface FollowUpInput {
  followUp?: string | null;
  heldOn: Date | string;
  finding: FollowUpFinding;
  notes?: string | null;
}

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
    private readonly changes: CaseChanges,
    private readonly loaders: Loaders,
  ) {}

  schedule(id: string, version: number, input: ScheduleFollowUpInput): Promise<ConflictCase> {
    return one(this.scheduleMany([{ id, version, input }]));
  }

  async scheduleMany(requests: readonly ChangeRequest<ScheduleFollowUpInput>[]): Promise<ConflictCase[]> {
    const { writer, opened } = await this.changes.open(requests);
    const resolutions = await Promise.all(opened.map(({ current }) => this.loaders.resolutionsOfCase.load(current.id)));
    const changes = opened.map(({ current, version, input }, i): CaseChange => {
      checkResolved(current);
      const dueOn = isoDate(input.dueOn);
      notBefore('input.dueOn', dueOn, current.resolvedOn, 'the resolution');
      const row = {
        id: newId(),
        caseId: current.id,
        resolutionId: currentResolution(current, resolutions[i]!).id,
        dueOn,
        heldOn: null,
        finding: null,
        notes: null,
        ownerOrg: current.ownerOrg,
        createdBy: writer.subject,
      };
      return { current, version, fields: givenFields(input), inserts: [{ schema: FollowUpCheckSchema, row }] };
    });
    return this.changes.apply(writer, 'scheduleFollowUp', changes);
  }

  record(id: string, version: number, input: FollowUpInput): Promise<ConflictCase> {
    return one(this.recordMany([{ id, version, input }]));
  }

  async recordMany(requests: readonly ChangeRequest<FollowUpInput>[]): Promise<ConflictCase[]> {
    const { writer, opened } = await this.changes.open(requests);
    const [resolutions, checks] = await Promise.all([
      Promise.all(opened.map(({ current }) => this.loaders.resolutionsOfCase.load(current.id))),
      Promise.all(opened.map(({ current }) => this.loaders.followUpsOfCase.load(current.id))),
    ]);
    const changes = opened.map(({ current, version, input }, i): CaseChange => {
      checkResolved(current);
      const heldOn = isoDate(input.heldOn);
      const resolution = currentResolution(current, resolutions[i]!);
      const problems = new Problems();
      let scheduled: FollowUpCheck | undefined;
      if (given(input.followUp)) {
        scheduled = checks[i]!.find((check) => check.id === input.followUp);
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
      const change: CaseChange = {
        current,
        version,
        fields: givenFields(input),
        status,
        caseFields: input.finding === 'RELAPSED' ? { everRelapsed: true, resolvedOn: null } : undefined,
      };
      if (scheduled) {
        change.updates = [
          {
            record: 'follow_up_check',
            id: scheduled.id,
            version: scheduled.version,
            values: { held_on: held.heldOn, finding: held.finding, notes: held.notes },
          },
        ];
      } else {
        const row = {
          id: newId(),
          caseId: current.id,
          resolutionId: resolution.id,
          dueOn: null,
          ...held,
          ownerOrg: current.ownerOrg,
          createdBy: writer.subject,
        };
        change.inserts = [{ schema: FollowUpCheckSchema, row }];
      }
      return change;
    });
    return this.changes.apply(writer, 'recordFollowUp', changes);
  }

  reportRelapse(id: string, version: number, input: StatusChangeInput): Promise<ConflictCase> {
    return one(this.reportRelapses([{ id, version, input }]));
  }

  async reportRelapses(requests: readonly ChangeRequest<StatusChangeInput>[]): Promise<ConflictCase[]> {
    const { writer, opened } = await this.changes.open(requests);
    const changes = opened.map(({ current, version, input }): CaseChange => {
      checkTransition(current.status, 'RELAPSED');
      const on = isoDate(input.on);
      checkCaseDate('input.on', on, 'The relapse date', current);
      return {
        current,
        version,
        fields: givenFields(input),
        status: { to: 'RELAPSED', on, note: optionalText('input.note', input.note, 'The note', 2000) },
        caseFields: { everRelapsed: true, resolvedOn: null },
      };
    });
    return this.changes.apply(writer, 'reportRelapse', changes);
  }
}
