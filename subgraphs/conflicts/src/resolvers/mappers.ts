/**
 * What the resolvers of each GraphQL type receive as parent and return: the rows, not the SDL's shapes.
 * `npm run codegen` reads every `<GraphQLType>Mapper` exported here into src/generated/resolvers.ts;
 * connections are the kit's `Connection` of their node's type without being listed.
 */
import type { CaseStatusChange, ConflictCase, Party } from '../conflict-case/conflict-case.entity';
import type { FollowUpCheck } from '../follow-up/follow-up.entity';
import type { MediationSession } from '../mediation-session/mediation-session.entity';
import type { PeaceCommission } from '../peace-commission/peace-commission.entity';
import type { Referral } from '../referral/referral.entity';
import type { Resolution } from '../resolution/resolution.entity';
import type { ConflictStats } from '../statistics/statistics.service';

// The directory's entities: conflicts holds their keys only (common/references.ts).
export type { CommunityMapper, AdminAreaMapper, OrganisationMapper } from '@peacegraph/kit/input';

export type PeaceCommissionMapper = PeaceCommission;
export type ConflictCaseMapper = ConflictCase;
export type PartyMapper = Party;
export type CaseStatusChangeMapper = CaseStatusChange;
export type MediationSessionMapper = MediationSession;
export type ReferralMapper = Referral;
export type ResolutionMapper = Resolution;
export type FollowUpCheckMapper = FollowUpCheck;

// Figures as the statistics service computes them: a group's admin area by P-code, until its resolver.
export type ConflictStatsMapper = ConflictStats;
export type ConflictStatsGroupMapper = ConflictStats['groups'][number];
