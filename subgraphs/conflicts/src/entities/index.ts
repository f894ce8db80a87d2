import { CaseStatusChangeSchema } from './case-status-change';
import { ConflictCaseSchema } from './conflict-case';
import { FollowUpCheckSchema } from './follow-up-check';
import { MediationSessionSchema } from './mediation-session';
import { PartySchema } from './party';
import { PeaceCommissionSchema } from './peace-commission';
import { ReferralSchema } from './referral';
import { ResolutionSchema } from './resolution';

export type { CaseRecord } from './case-record';
export type { CaseStatusChange } from './case-status-change';
export type { ConflictCase } from './conflict-case';
export type { FollowUpCheck } from './follow-up-check';
export type { MediationSession } from './mediation-session';
export type { Party } from './party';
export type { MembershipCount, PeaceCommission } from './peace-commission';
export type { Referral } from './referral';
export type { Resolution } from './resolution';
export * from './values';
export {
  CaseStatusChangeSchema,
  ConflictCaseSchema,
  FollowUpCheckSchema,
  MediationSessionSchema,
  PartySchema,
  PeaceCommissionSchema,
  ReferralSchema,
  ResolutionSchema,
};

/** Plain EntitySchema definitions, as in every subgraph: no decorators, no reflect-metadata. */
export const entities = [
  CaseStatusChangeSchema,
  ConflictCaseSchema,
  FollowUpCheckSchema,
  MediationSessionSchema,
  PartySchema,
  PeaceCommissionSchema,
  ReferralSchema,
  ResolutionSchema,
];
