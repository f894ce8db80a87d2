import { type Viewer } from '@peacegraph/kit/auth';
import { groupedLoader, keyedLoader, loadedOnce, perArguments } from '@peacegraph/kit/sql';
import type { Repositories } from '../repositories';
import type { StockRow } from '../repositories/displacement-aggregates';
import { Caseload } from '../services/reintegration-caseload';

type FirstArgs = { first: number };

/** Whose figures are exact: nobody's, for a caller without an organisation. */
export function viewerOrganisation(viewer: Viewer): string {
  return viewer.kind === 'partner' ? viewer.organisationId : '00000000-0000-0000-0000-000000000000';
}

/**
 * The displacement half's loaders, fresh per request; keys are prefixed so that they never meet the
 * transhumance half's. Lists and figures under the directory's entities cost one statement per field
 * and argument set, for any number of parents.
 */
export function createDisplacementLoaders(repositories: Repositories, viewer: Viewer) {
  const { displacementReports, reintegration, awarenessSessions, displacementAggregates } = repositories;
  const viewerOrg = viewerOrganisation(viewer);
  return {
    displacementReport: keyedLoader(
      (ids: readonly string[]) => displacementReports.byIds(ids),
      (r) => r.id,
    ),
    reintegrationProgramme: keyedLoader(
      (ids: readonly string[]) => reintegration.programmesByIds(ids),
      (p) => p.id,
    ),
    reintegrationCase: keyedLoader(
      (ids: readonly string[]) => reintegration.casesByIds(ids),
      (c) => c.id,
    ),
    reintegrationAssistanceOfCase: groupedLoader(
      (ids: readonly string[]) => reintegration.assistanceOf(ids),
      (a) => a.caseId,
    ),
    awarenessSession: keyedLoader(
      (ids: readonly string[]) => awarenessSessions.byIds(ids),
      (s) => s.id,
    ),

    displacementFiguresOfArea: perArguments(({ asOf }: { asOf: string | null }) =>
      keyedLoader(
        (pcodes: readonly string[]) => displacementAggregates.latestOfAreas(pcodes, asOf, viewerOrg),
        (row: StockRow) => row.key,
      ),
    ),
    /** Every case, for any number of areas and breakdowns: one statement, and one disclosure pattern for all of them. */
    caseloadOfAll: loadedOnce(async () => new Caseload(await displacementAggregates.caseload({}, viewerOrg))),
    awarenessSessionsOfCommunity: perArguments(({ first }: FirstArgs) =>
      groupedLoader(
        (ids: readonly string[]) => awarenessSessions.ofCommunities(ids, first),
        (s) => s.communityId,
      ),
    ),
    awarenessSessionsFacilitatedBy: perArguments(({ first }: FirstArgs) =>
      groupedLoader(
        (ids: readonly string[]) => awarenessSessions.facilitatedBy(ids, first),
        (s) => s.facilitatorIds,
      ),
    ),
    reintegrationProgrammesOf: perArguments(({ first }: FirstArgs) =>
      groupedLoader(
        (ids: readonly string[]) => reintegration.programmesOf(ids, first),
        (p) => p.ownerOrg,
      ),
    ),
  };
}
