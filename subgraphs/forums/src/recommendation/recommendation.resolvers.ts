import { organisationOf } from '@peacegraph/kit/auth';
import { loadExisting, pageSize } from '@peacegraph/kit/sql';
import { versionIn } from '../declaration/declaration.resolvers';
import type {
  AdminAreaResolvers,
  CommunityResolvers,
  ForumRecommendationFollowUpResolvers,
  ForumRecommendationResolvers,
  ForumRecommendationTextResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../generated/resolvers';
import { communityRef, languageRef, optionalAdminAreaRef, optionalOrganisationRef } from '../common/references';
import { NEXT_STATUSES, recommendationFilterFrom } from './recommendation.rules';

export const recommendationQueries: QueryResolvers = {
  forumRecommendation: (_, { id }, { loaders }) => loaders.recommendation.load(id),
  forumRecommendations: (_, args, { repositories, viewer }) =>
    repositories.recommendations.list(recommendationFilterFrom(args.filter), args, organisationOf(viewer)),
};

export const recommendationMutations: MutationResolvers = {
  addForumRecommendation: (_, { input }, { recommendations }) => recommendations.add(input),
  updateForumRecommendation: (_, { id, version, input }, { recommendations }) => recommendations.update(id, version, input),
  recordRecommendationFollowUp: (_, { id, version, input }, { recommendations }) => recommendations.recordFollowUp(id, version, input),
};

export const ForumRecommendation: ForumRecommendationResolvers = {
  /** With the same visibility as every other read: a draft's recommendation of another organisation is null. */
  __resolveReference: (ref, { loaders }) => loaders.recommendation.load(ref.id),
  // A recommendation is visible exactly when its declaration is: they share its publication date.
  declaration: (recommendation, _, { loaders }) => loadExisting(loaders.declaration, recommendation.declarationId),
  forum: (recommendation, _, { loaders }) => loadExisting(loaders.forum, recommendation.forumId),
  addresseeOrganisation: (recommendation) => optionalOrganisationRef(recommendation.addresseeOrg),
  addressedArea: (recommendation) => optionalAdminAreaRef(recommendation.addressedPcode),
  addressedCommunity: (recommendation) => communityRef(recommendation.addressedCommunityId),
  text: async (recommendation, { language }, { loaders }) =>
    versionIn(await loaders.recommendationTexts.load(recommendation.id), language).body,
  language: (recommendation) => languageRef(recommendation.language),
  versions: (recommendation, _, { loaders }) => loaders.recommendationTexts.load(recommendation.id),
  statusSince: (recommendation) => recommendation.statusSince ?? recommendation.adoptedOn,
  // A copy: the rules' list is shared and read-only.
  nextStatuses: (recommendation) => [...NEXT_STATUSES[recommendation.status]],
  followUps: (recommendation, _, { loaders }) => loaders.followUpsOfRecommendation.load(recommendation.id),
};

export const ForumRecommendationText: ForumRecommendationTextResolvers = {
  language: (text) => languageRef(text.language),
  text: (text) => text.body,
};

export const ForumRecommendationFollowUp: ForumRecommendationFollowUpResolvers = {
  from: (followUp) => followUp.fromStatus,
  to: (followUp) => followUp.toStatus,
  reportingOrganisation: (followUp) => optionalOrganisationRef(followUp.reportingOrg),
  recordedAt: (followUp) => followUp.createdAt,
};

/**
 * The recommendations addressing the directory's communities and areas: one statement for all the
 * parents of a request (see loaders.ts), at most `first` per parent, each parent keeping its own first.
 */
export const recommendationsUnderDirectory: { Community: CommunityResolvers; AdminArea: AdminAreaResolvers } = {
  Community: {
    forumRecommendations: async ({ id }, args, { loaders }) => {
      const first = pageSize(args.first);
      return (await loaders.recommendationsAddressingCommunity({ first }).load(id)).slice(0, first);
    },
  },
  AdminArea: {
    forumRecommendations: async ({ pcode }, args, { loaders }) => {
      const first = pageSize(args.first);
      return (await loaders.recommendationsAddressingArea({ first }).load(pcode)).slice(0, first);
    },
  },
};
