import { badInput, isoDate, notBefore, optionalText, Problems } from '@peacegraph/kit';
import {
  FollowUpCheckSchema,
  RESOLUTION_OUTCOMES,
  ResolutionSchema,
  type CaseStatus,
  type ConflictCase,
  type ResolutionOutcome,
} from '../entities';
import type { Loaders } from '../loaders';
import { CaseChanges, givenFields, newId, one, type CaseChange, type ChangeRequest } from './case-changes';
import { checkCaseDate } from './case-dates';
import { checkLeavingReferral } from './referral-rules';
import { canMove, checkTransition } from './status-machine';

export const MAX_FOLLOW_UPS = 12;

export interface ResolutionInput {
  outcome: ResolutionOutcome;
  reachedOn: Date | string;
  termsSummary?: string | null;
  followUpsDue?: (Date | string)[] | null;
}

/** An agreement or a withdrawal resolves the case; no agreement leaves it unresolved. */
export function statusAfter(outcome: ResolutionOutcome): CaseStatus {
  return outcome === 'NO_AGREEMENT' ? 'UNRESOLVED' : 'RESOLVED';
}

/** How mediation, or the referral body, ended a case; follow-up checks may be scheduled with it. */
export class ResolutionService {
  constructor(
    private readonly changes: CaseChanges,
    private readonly loaders: Loaders,
  ) {}

  record(id: string, version: number, input: ResolutionInput): Promise<ConflictCase> {
    return one(this.recordMany([{ id, version, input }]));
  }

  async recordMany(requests: readonly ChangeRequest<ResolutionInput>[]): Promise<ConflictCase[]> {
    const { writer, opened } = await this.changes.open(requests);
    const referrals = await Promise.all(
      opened.map(({ current }) => (current.status === 'REFERRED' ? this.loaders.referralsOfCase.load(current.id) : [])),
    );
    const changes = opened.map(({ current, version, input }, i): CaseChange => {
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
        checkLeavingReferral(current, referrals[i]!, 'input.reachedOn', reachedOn);
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
        termsSummary: problems.check('input.termsSummary', () =>
          optionalText('input.termsSummary', input.termsSummary, 'The summary', 4000),
        ),
      });
      const resolution = {
        id: newId(),
        caseId: current.id,
        outcome: input.outcome,
        reachedOn,
        reachedThrough: current.status === 'REFERRED' ? 'REFERRAL' : 'MEDIATION',
        termsSummary,
        ownerOrg: current.ownerOrg,
        createdBy: writer.subject,
      };
      const checks = due.map((dueOn) => ({
        id: newId(),
        caseId: current.id,
        resolutionId: resolution.id,
        dueOn,
        heldOn: null,
        finding: null,
        notes: null,
        ownerOrg: current.ownerOrg,
        createdBy: writer.subject,
      }));
      return {
        current,
        version,
        fields: givenFields(input),
        status: { to, on: reachedOn, note: null },
        caseFields: { resolvedOn: to === 'RESOLVED' ? reachedOn : null },
        inserts: [{ schema: ResolutionSchema, row: resolution }, ...checks.map((row) => ({ schema: FollowUpCheckSchema, row }))],
      };
    });
    return this.changes.apply(writer, 'recordResolution', changes);
  }
}
