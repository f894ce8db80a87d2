import { organisationOf, type Viewer } from '@peacegraph/kit/auth';
import { groupedLoader, keyedLoader, perArguments } from '@peacegraph/kit/sql';
import type { Repositories } from './repositories';

/** Every prefix of a P-code that could be an area's (ML, ML0, ML09 … of ML0901): the areas a row lies in. */
export function pcodePrefixes(pcode: string | null): string[] {
  if (!pcode) return [];
  return Array.from({ length: pcode.length - 2 }, (_, n) => pcode.slice(0, n + 3));
}

type First = { first: number };

/**
 * Fresh per request: a loader's cache must never outlive the caller it was filled for, and what a
 * caller may see (drafts of its own organisation) is part of every visible-record loader.
 */
export function createLoaders(repositories: Repositories, viewer: Viewer) {
  const viewerOrg = organisationOf(viewer);
  const { forums, workingGroups, testimonies, declarations, recommendations } = repositories;
  return {
    forum: keyedLoader(
      (ids: readonly string[]) => forums.byIds(ids),
      (f) => f.id,
    ),
    participantGroupsOfForum: groupedLoader(
      (ids: readonly string[]) => forums.participantGroups(ids),
      (g) => g.forumId,
    ),
    participantOriginsOfForum: groupedLoader(
      (ids: readonly string[]) => forums.participantOrigins(ids),
      (o) => o.forumId,
    ),
    workingGroup: keyedLoader(
      (ids: readonly string[]) => workingGroups.byIds(ids),
      (w) => w.id,
    ),
    workingGroupsOfForum: groupedLoader(
      (ids: readonly string[]) => workingGroups.ofForums(ids),
      (w) => w.forumId,
    ),

    testimony: keyedLoader(
      (ids: readonly string[]) => testimonies.byIds(ids, viewerOrg),
      (t) => t.id,
    ),
    testimoniesOfForum: perArguments(({ first }: First) =>
      groupedLoader(
        (ids: readonly string[]) => testimonies.ofParents('forum_id', ids, first, viewerOrg),
        (t) => t.forumId,
      ),
    ),
    testimoniesOfWorkingGroup: perArguments(({ first }: First) =>
      groupedLoader(
        (ids: readonly string[]) => testimonies.ofParents('working_group_id', ids, first, viewerOrg),
        (t) => t.workingGroupId ?? '',
      ),
    ),

    declaration: keyedLoader(
      (ids: readonly string[]) => declarations.byIds(ids, viewerOrg),
      (d) => d.id,
    ),
    declarationsOfForum: groupedLoader(
      (ids: readonly string[]) => declarations.ofForums(ids, viewerOrg),
      (d) => d.forumId,
    ),
    declarationTexts: groupedLoader(
      (ids: readonly string[]) => declarations.texts(ids),
      (t) => t.declarationId,
    ),
    recipientsOfDeclaration: groupedLoader(
      (ids: readonly string[]) => declarations.recipients(ids),
      (r) => r.declarationId,
    ),

    recommendation: keyedLoader(
      (ids: readonly string[]) => recommendations.byIds(ids, viewerOrg),
      (r) => r.id,
    ),
    recommendationsOfDeclaration: groupedLoader(
      (ids: readonly string[]) => recommendations.ofDeclarations(ids, viewerOrg),
      (r) => r.declarationId,
    ),
    recommendationTexts: groupedLoader(
      (ids: readonly string[]) => recommendations.texts(ids),
      (t) => t.recommendationId,
    ),
    followUpsOfRecommendation: groupedLoader(
      (ids: readonly string[]) => recommendations.followUps(ids),
      (f) => f.recommendationId,
    ),
    recommendationStatsOfForum: keyedLoader(
      (ids: readonly string[]) => recommendations.statsOfForums(ids),
      (s) => s.forumId,
    ),

    // Lists under the directory's entities, one statement per field and argument set.
    forumsInCommunity: perArguments(({ first }: First) =>
      groupedLoader(
        (ids: readonly string[]) => forums.inCommunities(ids, first),
        (f) => f.communityId ?? '',
      ),
    ),
    forumsInArea: perArguments(({ first }: First) =>
      groupedLoader(
        (pcodes: readonly string[]) => forums.inAreas(pcodes, first),
        (f) => pcodePrefixes(f.adminPcode),
      ),
    ),
    forumsConvenedBy: perArguments(({ first }: First) =>
      groupedLoader(
        (ids: readonly string[]) => forums.convenedBy(ids, first),
        (f) => [...f.convenorIds, ...f.coConvenorIds],
      ),
    ),
    recommendationsAddressingCommunity: perArguments(({ first }: First) =>
      groupedLoader(
        (ids: readonly string[]) => recommendations.addressingCommunities(ids, first, viewerOrg),
        (r) => r.addressedCommunityId ?? '',
      ),
    ),
    recommendationsAddressingArea: perArguments(({ first }: First) =>
      groupedLoader(
        (pcodes: readonly string[]) => recommendations.addressingAreas(pcodes, first, viewerOrg),
        (r) => pcodePrefixes(r.addressedPcode),
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
