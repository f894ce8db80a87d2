import { type Viewer } from '@peacegraph/kit/auth';
import { groupedLoader, keyedLoader, perArguments } from '@peacegraph/kit/sql';
import type { Repositories } from './repositories';
import type { CaseFilter } from './conflict-case/conflict-case.filter';
import type { StatsRow } from './statistics/statistics.repository';

/** One page of a commission's cases: `after` is the (reportedOn, id) of the last case already shown. */
export interface CommissionCasesPage {
  filter: CaseFilter;
  limit: number;
  after: [string, string] | null;
}

/** Fresh per request: a loader's cache must never outlive the caller it was filled for. */
export function createLoaders(repositories: Repositories, viewer: Viewer) {
  const viewerOrg = viewer.kind === 'partner' ? viewer.organisationId : null;
  const { stats, cases } = repositories;
  return {
    commission: keyedLoader(
      (ids: readonly string[]) => repositories.commissions.byIds(ids),
      (c) => c.id,
    ),
    commissionOfCommunity: keyedLoader(
      (ids: readonly string[]) => repositories.commissions.byCommunityIds(ids),
      (c) => c.communityId,
    ),
    case: keyedLoader(
      (ids: readonly string[]) => cases.byIds(ids),
      (c) => c.id,
    ),
    caseByReference: keyedLoader(
      (refs: readonly string[]) => cases.byReferences(refs),
      (c) => c.reference,
    ),
    partiesOfCase: groupedLoader(
      (ids: readonly string[]) => cases.partiesOf(ids),
      (p) => p.caseId,
    ),
    historyOfCase: groupedLoader(
      (ids: readonly string[]) => cases.historyOf(ids),
      (h) => h.caseId,
    ),
    sessionsOfCase: groupedLoader(
      (ids: readonly string[]) => repositories.sessions.ofCases(ids),
      (s) => s.caseId,
    ),
    referralsOfCase: groupedLoader(
      (ids: readonly string[]) => repositories.referrals.ofCases(ids),
      (r) => r.caseId,
    ),
    resolutionsOfCase: groupedLoader(
      (ids: readonly string[]) => repositories.resolutions.ofCases(ids),
      (r) => r.caseId,
    ),
    followUpsOfCase: groupedLoader(
      (ids: readonly string[]) => repositories.followUps.ofCases(ids),
      (f) => f.caseId,
    ),
    // Lists and figures under many parents, one statement per distinct question (filter, page) for all of them.
    casesOfCommission: perArguments((page: CommissionCasesPage) =>
      groupedLoader(
        (ids: readonly string[]) => cases.ofCommissions(ids, page.filter, page.limit, page.after),
        (c) => c.peaceCommissionId,
      ),
    ),
    caseCountOfCommission: perArguments((filter: CaseFilter) =>
      keyedLoader(
        (ids: readonly string[]) => cases.countsOfCommissions(ids, filter),
        (row) => row.peaceCommissionId,
      ),
    ),
    figuresOfArea: perArguments((filter: CaseFilter) =>
      keyedLoader(
        (pcodes: readonly string[]) => stats.forAreas(pcodes, filter, viewerOrg),
        (row: StatsRow) => row.key,
      ),
    ),
    figuresOfCommunity: perArguments((filter: CaseFilter) =>
      keyedLoader(
        (ids: readonly string[]) => stats.forCommunities(ids, filter, viewerOrg),
        (row: StatsRow) => row.key,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
