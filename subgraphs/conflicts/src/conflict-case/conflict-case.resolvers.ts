import { badInput } from '@peacegraph/kit/errors';
import { daysBetween } from '@peacegraph/kit/input';
import { loadExisting } from '@peacegraph/kit/sql';
import { adminAreaRef, communityRef, organisationRef } from '../common/references';
import type { CaseStatusChangeResolvers, ConflictCaseResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers';
import { caseFilterFrom } from './conflict-case.filter';
import { NEXT_STATUSES } from './conflict-case.status';

export const conflictCaseQueries: QueryResolvers = {
  conflictCase: (_, { id, reference }, { loaders }) => {
    if (id && reference) throw badInput('reference', 'Give the case id or its reference, not both');
    if (id) return loaders.case.load(id);
    if (reference) return loaders.caseByReference.load(reference.trim().toUpperCase());
    throw badInput('id', 'Give the case id or its reference');
  },
  conflictCases: (_, args, { repositories }) => repositories.cases.list(caseFilterFrom(args.filter), args),
};

export const conflictCaseMutations: MutationResolvers = {
  reportConflictCase: (_, { input }, { cases }) => cases.report(input),
  updateConflictCase: (_, { id, version, input }, { cases }) => cases.update(id, version, input),
};

export const ConflictCase: ConflictCaseResolvers = {
  // Through the request's loaders: a list of 50 references costs one statement.
  __resolveReference: (ref, { loaders }) => loaders.case.load(ref.id),
  peaceCommission: (kase, _, { loaders }) => loadExisting(loaders.commission, kase.peaceCommissionId),
  community: (kase) => communityRef(kase.communityId),
  adminArea: (kase) => adminAreaRef(kase.adminPcode),
  otherCommunities: (kase) => kase.otherCommunityIds.map(communityRef),
  nextStatuses: (kase) => [...NEXT_STATUSES[kase.status]],
  relapsed: (kase) => kase.everRelapsed,
  daysToResolution: (kase) => (kase.resolvedOn ? daysBetween(kase.reportedOn, kase.resolvedOn) : null),
  parties: (kase, _, { loaders }) => loaders.partiesOfCase.load(kase.id),
  history: (kase, _, { loaders }) => loaders.historyOfCase.load(kase.id),
  mediationSessions: (kase, _, { loaders }) => loaders.sessionsOfCase.load(kase.id),
  referrals: (kase, _, { loaders }) => loaders.referralsOfCase.load(kase.id),
  resolutions: (kase, _, { loaders }) => loaders.resolutionsOfCase.load(kase.id),
  followUps: (kase, _, { loaders }) => loaders.followUpsOfCase.load(kase.id),
  recordedBy: (kase) => organisationRef(kase.ownerOrg),
};

export const CaseStatusChange: CaseStatusChangeResolvers = {
  from: (change) => change.fromStatus,
  to: (change) => change.toStatus,
  madeBy: (change) => change.createdBy,
  recordedAt: (change) => change.createdAt,
};
