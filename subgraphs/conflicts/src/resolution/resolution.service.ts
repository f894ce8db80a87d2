import type { RecordWrites } from '@peacegraph/kit/writes';
import { type ConflictCase } from '../conflict-case/conflict-case.entity';
import { FollowUpCheckSchema } from '../follow-up/follow-up.entity';
import { ResolutionSchema } from './resolution.entity';
import type { ResolutionInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import { changeCase, editableCase, insertRecords } from '../conflict-case/conflict-case.change';
import { resolutionValues } from './resolution.rules';

/** How mediation, or the referral body, ended a case; follow-up checks may be scheduled with it. */
export class ResolutionService {
  constructor(
    private readonly writes: RecordWrites,
    private readonly loaders: Loaders,
  ) {}

  async record(id: string, version: number, input: ResolutionInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
    const referrals = current.status === 'REFERRED' ? await this.loaders.referralsOfCase.load(current.id) : [];
    const { to, reachedOn, due, termsSummary } = resolutionValues(input, current, referrals);
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
