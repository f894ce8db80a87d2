import { In, type DataSource, type EntitySchema, type FindOptionsOrder, type ObjectLiteral } from 'typeorm';
import { onlyUuids } from '@peacegraph/kit/sql';
import { CaseStatusChangeSchema, PartySchema, type CaseStatusChange, type Party } from './conflict-case.entity';
import { FollowUpCheckSchema, type FollowUpCheck } from '../follow-up/follow-up.entity';
import { MediationSessionSchema, type MediationSession } from '../mediation-session/mediation-session.entity';
import { ReferralSchema, type Referral } from '../referral/referral.entity';
import { ResolutionSchema, type Resolution } from '../resolution/resolution.entity';

/** The records of many cases at once, each kind in the order a reader expects: one statement per kind. */
export class CaseRecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  parties(caseIds: readonly string[]): Promise<Party[]> {
    return this.ofCases(PartySchema, caseIds, { position: 'ASC' });
  }

  history(caseIds: readonly string[]): Promise<CaseStatusChange[]> {
    return this.ofCases(CaseStatusChangeSchema, caseIds, { changedOn: 'ASC', createdAt: 'ASC' });
  }

  mediationSessions(caseIds: readonly string[]): Promise<MediationSession[]> {
    return this.ofCases(MediationSessionSchema, caseIds, { heldOn: 'ASC', createdAt: 'ASC' });
  }

  referrals(caseIds: readonly string[]): Promise<Referral[]> {
    return this.ofCases(ReferralSchema, caseIds, { referredOn: 'ASC', createdAt: 'ASC' });
  }

  resolutions(caseIds: readonly string[]): Promise<Resolution[]> {
    return this.ofCases(ResolutionSchema, caseIds, { reachedOn: 'ASC', createdAt: 'ASC' });
  }

  followUps(caseIds: readonly string[]): Promise<FollowUpCheck[]> {
    return this.ofCases(FollowUpCheckSchema, caseIds, { dueOn: { direction: 'ASC', nulls: 'LAST' }, heldOn: 'ASC', createdAt: 'ASC' });
  }

  private ofCases<T extends ObjectLiteral & { caseId: string }>(
    schema: EntitySchema<T>,
    caseIds: readonly string[],
    order: FindOptionsOrder<T>,
  ): Promise<T[]> {
    const ids = onlyUuids(caseIds);
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(schema).find({ where: { caseId: In(ids) } as never, order });
  }
}
