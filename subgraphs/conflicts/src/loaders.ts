import { groupedLoader, keyedLoader, type Viewer } from '@peacegraph/kit';
import type { Repositories } from './repositories';
import type { CaseFilter } from './repositories/case-filter';
import type { StatsRow } from './repositories/conflict-stats-repository';
import type { ConflictCase } from './entities';

const SEPARATOR = '\u0000';

/** JSON with keys sorted and empty values dropped: equal questions give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A loader for "this question about this parent" (a filter, a page): each batch runs one statement
 * per distinct question — one, when a list asks the same of every parent.
 */
function questionLoader<Q, V>(fetch: (question: Q, parents: string[]) => Promise<V[]>, parentOf: (row: V) => string) {
  const loader = keyedLoader(
    async (keys: readonly string[]) => {
      const byQuestion = new Map<string, string[]>();
      for (const key of keys) {
        const [question, parent] = key.split(SEPARATOR) as [string, string];
        byQuestion.set(question, [...(byQuestion.get(question) ?? []), parent]);
      }
      const batches = await Promise.all(
        [...byQuestion].map(async ([question, parents]) =>
          (await fetch(JSON.parse(question) as Q, parents)).map((row) => ({ question, row })),
        ),
      );
      return batches.flat();
    },
    ({ question, row }) => `${question}${SEPARATOR}${parentOf(row)}`,
  );
  return async (parent: string, question: Q): Promise<V | null> =>
    (await loader.load(`${stableJson(question)}${SEPARATOR}${parent}`))?.row ?? null;
}

/** One page of a commission's cases: `after` is the (reportedOn, id) of the last case already shown. */
export interface CommissionCasesPage {
  filter: CaseFilter;
  limit: number;
  after: [string, string] | null;
}

/** Fresh per request: a loader's cache must never outlive the caller it was filled for. */
export function createLoaders(repositories: Repositories, viewer: Viewer) {
  const viewerOrg = viewer.kind === 'partner' ? viewer.organisationId : null;
  const { records, stats, cases } = repositories;
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
      (ids: readonly string[]) => records.parties(ids),
      (p) => p.caseId,
    ),
    historyOfCase: groupedLoader(
      (ids: readonly string[]) => records.history(ids),
      (h) => h.caseId,
    ),
    sessionsOfCase: groupedLoader(
      (ids: readonly string[]) => records.mediationSessions(ids),
      (s) => s.caseId,
    ),
    referralsOfCase: groupedLoader(
      (ids: readonly string[]) => records.referrals(ids),
      (r) => r.caseId,
    ),
    resolutionsOfCase: groupedLoader(
      (ids: readonly string[]) => records.resolutions(ids),
      (r) => r.caseId,
    ),
    followUpsOfCase: groupedLoader(
      (ids: readonly string[]) => records.followUps(ids),
      (f) => f.caseId,
    ),
    casesOfCommission: questionLoader(
      async (page: CommissionCasesPage, commissionIds) => {
        const rows = await cases.ofCommissions(commissionIds, page.filter, page.limit, page.after);
        const groups = new Map<string, ConflictCase[]>(commissionIds.map((id) => [id, []]));
        for (const row of rows) groups.get(row.peaceCommissionId)?.push(row);
        return [...groups].map(([commissionId, list]) => ({ commissionId, cases: list }));
      },
      (group) => group.commissionId,
    ),
    caseCountOfCommission: questionLoader(
      (filter: CaseFilter, ids) => cases.countsOfCommissions(ids, filter),
      (row) => row.peaceCommissionId,
    ),
    figuresOfArea: questionLoader(
      (filter: CaseFilter, pcodes) => stats.forAreas(pcodes, filter, viewerOrg),
      (row: StatsRow) => row.key,
    ),
    figuresOfCommunity: questionLoader(
      (filter: CaseFilter, ids) => stats.forCommunities(ids, filter, viewerOrg),
      (row: StatsRow) => row.key,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
