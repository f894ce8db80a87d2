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

/** The directory's entities are their keys here: a reference resolves to itself, and features add lists under it. */
const reference = <T>(ref: T) => ref;

/** Every feature's resolvers, merged; the kit adds the scalars and forumsAuditLog. */
export const resolvers = {
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
  Community: { __resolveReference: reference, ...forumsUnderDirectory.Community, ...recommendationsUnderDirectory.Community },
  AdminArea: { __resolveReference: reference, ...forumsUnderDirectory.AdminArea, ...recommendationsUnderDirectory.AdminArea },
  Organisation: { __resolveReference: reference, ...forumsUnderDirectory.Organisation },
};
