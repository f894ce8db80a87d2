import { CaseStatusChangeSchema, ConflictCaseSchema, PartySchema } from './conflict-case/conflict-case.entity';
import { FollowUpCheckSchema } from './follow-up/follow-up.entity';
import { MediationSessionSchema } from './mediation-session/mediation-session.entity';
import { PeaceCommissionSchema } from './peace-commission/peace-commission.entity';
import { ReferralSchema } from './referral/referral.entity';
import { ResolutionSchema } from './resolution/resolution.entity';

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
