import type { RecordWrites } from '@peacegraph/kit/writes';
import { type ConflictCase } from '../conflict-case/conflict-case.entity';
import type { ResolutionInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { changeCase, editableCase } from '../conflict-case/conflict-case.change';
import { resolutionValues } from './resolution.rules';

/** How mediation, or the referral body, ended a case; follow-up checks may be scheduled with it. */
export class ResolutionService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly writes: RecordWrites,
  ) {}

  async record(id: string, version: number, input: ResolutionInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
    const referrals = current.status === 'REFERRED' ? await this.loaders.referralsOfCase.load(current.id) : [];
    const { to, reachedOn, due, termsSummary } = resolutionValues(input, current, referrals);
    const made = { caseId: current.id, ownerOrg: current.ownerOrg, createdBy: writer.subject };
    const { cases, resolutions, followUps } = this.repositories;
    return changeCase(this.writes, cases, writer, current, version, {
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
        const resolutionId = await resolutions.add(manager, resolution);
        const checks = due.map((dueOn) => ({ ...made, resolutionId, dueOn, heldOn: null, finding: null, notes: null }));
        return [resolutionId, ...(await followUps.add(manager, checks))];
      },
    });
  }
}
