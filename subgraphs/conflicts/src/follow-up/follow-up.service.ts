import type { RecordWrites } from '@peacegraph/kit/writes';
import { type ConflictCase } from '../conflict-case/conflict-case.entity';
import type { FollowUpInput, ScheduleFollowUpInput, StatusChangeInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { changeCase, editableCase } from '../conflict-case/conflict-case.change';
import { followUpValues, relapseOf, scheduleValues } from './follow-up.rules';

/**
 * After a resolution: checks at dates the commission chooses, and relapses. The first check that finds
 * the agreement holding moves the case to FOLLOW_UP_HELD; later ones are records only; a relapse
 * reopens the case.
 */
export class FollowUpService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly writes: RecordWrites,
  ) {}

  async schedule(id: string, version: number, input: ScheduleFollowUpInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
    const resolutions = await this.loaders.resolutionsOfCase.load(current.id);
    const { dueOn, resolution } = scheduleValues(input, current, resolutions);
    const check = {
      caseId: current.id,
      resolutionId: resolution.id,
      dueOn,
      heldOn: null,
      finding: null,
      notes: null,
      ownerOrg: current.ownerOrg,
      createdBy: writer.subject,
    };
    return changeCase(this.writes, this.repositories.cases, writer, current, version, {
      operation: 'scheduleFollowUp',
      input,
      records: (manager) => this.repositories.followUps.add(manager, [check]),
    });
  }

  async record(id: string, version: number, input: FollowUpInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
    const [resolutions, checks] = await Promise.all([
      this.loaders.resolutionsOfCase.load(current.id),
      this.loaders.followUpsOfCase.load(current.id),
    ]);
    const { heldOn, resolution, scheduled, status, notes } = followUpValues(input, current, resolutions, checks);
    const held = { heldOn, finding: input.finding, notes };
    const { cases, followUps } = this.repositories;
    return changeCase(this.writes, cases, writer, current, version, {
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
          return followUps.add(manager, [check]);
        }
        return followUps.hold(manager, scheduled, held);
      },
    });
  }

  async reportRelapse(id: string, version: number, input: StatusChangeInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
    const { on, note } = relapseOf(current, input);
    return changeCase(this.writes, this.repositories.cases, writer, current, version, {
      operation: 'reportRelapse',
      input,
      status: { to: 'RELAPSED', on, note },
      fields: { everRelapsed: true, resolvedOn: null },
    });
  }
}
