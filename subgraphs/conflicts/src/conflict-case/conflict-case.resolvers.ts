import type { ConflictsContext } from '../context';
import type { ConflictCase as ConflictCaseRow } from '../entities';
import { daysBetween } from '@peacegraph/kit/input';
import { NEXT_STATUSES } from './conflict-case.status';

export const ConflictCase = {
  peaceCommission: (kase: ConflictCaseRow, _: unknown, { loaders }: ConflictsContext) => loaders.commission.load(kase.peaceCommissionId),
  community: (kase: ConflictCaseRow) => ({ __typename: 'Community', id: kase.communityId }),
  adminArea: (kase: ConflictCaseRow) => ({ __typename: 'AdminArea', pcode: kase.adminPcode }),
  otherCommunities: (kase: ConflictCaseRow) => kase.otherCommunityIds.map((id) => ({ __typename: 'Community', id })),
  nextStatuses: (kase: ConflictCaseRow) => NEXT_STATUSES[kase.status],
  relapsed: (kase: ConflictCaseRow) => kase.everRelapsed,
  daysToResolution: (kase: ConflictCaseRow) => (kase.resolvedOn ? daysBetween(kase.reportedOn, kase.resolvedOn) : null),
  parties: (kase: ConflictCaseRow, _: unknown, { loaders }: ConflictsContext) => loaders.partiesOfCase.load(kase.id),
  history: (kase: ConflictCaseRow, _: unknown, { loaders }: ConflictsContext) => loaders.historyOfCase.load(kase.id),
  mediationSessions: (kase: ConflictCaseRow, _: unknown, { loaders }: ConflictsContext) => loaders.sessionsOfCase.load(kase.id),
  referrals: (kase: ConflictCaseRow, _: unknown, { loaders }: ConflictsContext) => loaders.referralsOfCase.load(kase.id),
  resolutions: (kase: ConflictCaseRow, _: unknown, { loaders }: ConflictsContext) => loaders.resolutionsOfCase.load(kase.id),
  followUps: (kase: ConflictCaseRow, _: unknown, { loaders }: ConflictsContext) => loaders.followUpsOfCase.load(kase.id),
  recordedBy: (kase: ConflictCaseRow) => ({ __typename: 'Organisation', id: kase.ownerOrg }),
};
