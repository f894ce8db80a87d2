import type { Resolvers } from '../generated/resolvers';
import {
  Declaration,
  declarationMutations,
  declarationQueries,
  DeclarationRecipient,
  DeclarationText,
} from '../declaration/declaration.resolvers';
import { Forum, forumMutations, forumQueries, forumsUnderDirectory } from '../forum/forum.resolvers';
import {
  ForumRecommendation,
  ForumRecommendationFollowUp,
  ForumRecommendationText,
  recommendationMutations,
  recommendationQueries,
  recommendationsUnderDirectory,
} from '../recommendation/recommendation.resolvers';
import { ForumSearchResult, searchQueries } from '../search/search.resolvers';
import { ForumParticipants, statisticsQueries } from '../statistics/statistics.resolvers';
import { Testimony, testimonyMutations, testimonyQueries } from '../testimony/testimony.resolvers';
import { ForumWorkingGroup, workingGroupMutations } from '../working-group/working-group.resolvers';

/** Every feature's resolvers, merged; the kit adds the scalars and forumsAuditLog. */
export const resolvers: Resolvers = {
  Query: { ...forumQueries, ...declarationQueries, ...recommendationQueries, ...testimonyQueries, ...searchQueries, ...statisticsQueries },
  Mutation: { ...forumMutations, ...workingGroupMutations, ...testimonyMutations, ...declarationMutations, ...recommendationMutations },
  Forum,
  ForumParticipants,
  ForumWorkingGroup,
  Testimony,
  Declaration,
  DeclarationText,
  DeclarationRecipient,
  ForumRecommendation,
  ForumRecommendationText,
  ForumRecommendationFollowUp,
  ForumSearchResult,
  // The directory's entities are their keys here: a reference resolves to itself; features add lists under it.
  Community: { __resolveReference: (ref) => ref, ...forumsUnderDirectory.Community, ...recommendationsUnderDirectory.Community },
  AdminArea: { __resolveReference: (ref) => ref, ...forumsUnderDirectory.AdminArea, ...recommendationsUnderDirectory.AdminArea },
  Organisation: { __resolveReference: (ref) => ref, ...forumsUnderDirectory.Organisation },
};
