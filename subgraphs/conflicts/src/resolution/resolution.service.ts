import { badInput } from '@peacegraph/kit/errors';
import { isoDate, notBefore, optionalText, Problems } from '@peacegraph/kit/input';
import type { RecordWrites } from '@peacegraph/kit/writes';
import { RESOLUTION_OUTCOMES, type CaseStatus, type ResolutionOutcome } from '../common/values';
import { type ConflictCase } from '../conflict-case/conflict-case.entity';
import { FollowUpCheckSchema } from '../follow-up/follow-up.entity';
import { ResolutionSchema } from './resolution.entity';
import type { ResolutionInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import { changeCase, editableCase, insertRecords } from '../conflict-case/conflict-case.change';
import { checkCaseDate } from '../conflict-case/conflict-case.dates';
import { checkLeavingReferral } from '../referral/referral.rules';
import { canMove, checkTransition } from '../conflict-case/conflict-case.status';

export const MAX_FOLLOW_UPS = 12;

/** An agreement or a withdrawal resolves the case; no agreement leaves it unresolved. */
export function statusAfter(outcome: ResolutionOutcome): CaseStatus {
  return outcome === 'NO_AGREEMENT' ? 'UNRESOLVED' : 'RESOLVED';
}

/** How mediation, or the referral body, ended a case; follow-up checks may be scheduled with it. */
export class ResolutionService {
  constructor(
    private readonly writes: RecordWrites,
    private readonly loaders: Loaders,
  ) {}

  async record(id: string, version: number, input: ResolutionInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
    const referrals = current.status === 'REFERRED' ? await this.loaders.referralsOfCase.load(current.id) : [];
    if (!RESOLUTION_OUTCOMES.includes(input.outcome)) throw badInput('input.outcome', `Unknown outcome ${input.outcome}`);
    const to = statusAfter(input.outcome);
    // When another outcome would fit the case's status, it is the outcome that is wrong, not the case.
    const otherFits = canMove(current.status, to === 'RESOLVED' ? 'UNRESOLVED' : 'RESOLVED');
    checkTransition(current.status, to, otherFits ? 'input.outcome' : 'id');
    // The case's state is refused at once; then every problem of the input together.
    const problems = new Problems();
    const reachedOn = isoDate(input.reachedOn);
    problems.check('input.reachedOn', () => {
      checkCaseDate('input.reachedOn', reachedOn, 'The resolution date', current);
      checkLeavingReferral(current, referrals, 'input.reachedOn', reachedOn);
    });
    const due = (input.followUpsDue ?? []).map(isoDate);
    if (due.length > 0 && to !== 'RESOLVED') problems.add('input.followUpsDue', 'Follow-up checks are for resolved cases');
    if (due.length > MAX_FOLLOW_UPS) problems.add('input.followUpsDue', `At most ${MAX_FOLLOW_UPS} follow-up checks at once`);
    else {
      due.forEach((date, n) => {
        problems.check(`input.followUpsDue.${n}`, () => notBefore(`input.followUpsDue.${n}`, date, reachedOn, 'the resolution'));
        if (due.indexOf(date) !== n) problems.add(`input.followUpsDue.${n}`, `${date} is listed twice`);
      });
    }
    const { termsSummary } = problems.done({
      termsSummary: problems.check('input.termsSummary', () => optionalText('input.termsSummary', input.termsSummary, 'The summary', 4000)),
    });
    const made = { caseId: current.id, ownerOrg: current.ownerOrg, createdBy: writer.subject };
    return changeCase(this.writes, writer, current, version, {
      operation: 'recordResolution',
      input,
      status: { to, on: reachedOn, note: null },
      fields: { resolvedOn: to === 'RESOLVED' ? reachedOn : null },
      records: async (manager) => {
        const resolution = {
          ...made,
          outcome: input.outcome,
          reachedOn,
          reachedThrough: current.status === 'REFERRED' ? ('REFERRAL' as const) : ('MEDIATION' as const),
          termsSummary,
        };
        const [resolutionId] = (await insertRecords(manager, ResolutionSchema, [resolution])) as [string];
        const checks = due.map((dueOn) => ({ ...made, resolutionId, dueOn, heldOn: null, finding: null, notes: null }));
        return [resolutionId, ...(await insertRecords(manager, FollowUpCheckSchema, checks))];
      },
    });
  }
}
