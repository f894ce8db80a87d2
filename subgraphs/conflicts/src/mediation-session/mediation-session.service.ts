import type { RecordWrites } from '@peacegraph/kit/writes';
import { type ConflictCase } from '../conflict-case/conflict-case.entity';
import type { MediationSessionInput, StatusChangeInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { changeCase, editableCase } from '../conflict-case/conflict-case.change';
import { checkSessionsOpen, mediationStart, sessionValues } from './mediation-session.rules';

/** Mediation by the commission: opening it, and the sessions held while it lasts. */
export class MediationService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly writes: RecordWrites,
  ) {}

  async start(id: string, version: number, input: StatusChangeInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
    const referrals = current.status === 'REFERRED' ? await this.loaders.referralsOfCase.load(current.id) : [];
    const { on, note } = mediationStart(current, referrals, input);
    return changeCase(this.writes, this.repositories.cases, writer, current, version, {
      operation: 'startMediation',
      input,
      status: { to: 'UNDER_MEDIATION', on, note },
    });
  }

  async recordSession(id: string, version: number, input: MediationSessionInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
    checkSessionsOpen(current);
    const commission = await this.loaders.commission.load(current.peaceCommissionId);
    const { heldOn, notes } = sessionValues(input, current, commission!);
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
    return changeCase(this.writes, this.repositories.cases, writer, current, version, {
      operation: 'recordMediationSession',
      input,
      records: (manager) => this.repositories.sessions.add(manager, session),
    });
  }
}
