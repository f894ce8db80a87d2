import { organisationOf } from '@peacegraph/kit/auth';
import { pageSize, type PageArgs } from '@peacegraph/kit/sql';
import type { ForumsContext } from '../context';
import { versionIn } from '../declaration/declaration.resolvers';
import { communityRef, languageRef, optionalAdminAreaRef, optionalOrganisationRef } from '../references';
import type { Recommendation, RecommendationFollowUp, RecommendationText } from './recommendation.entity';
import { NEXT_STATUSES, recommendationFilterFrom, type RecommendationFilterInput } from './recommendation.rules';
import type { AddRecommendationInput, FollowUpInput, UpdateRecommendationInput } from './recommendation.service';

type FirstArgs = { first?: number | null };
/** A change to a record: its id, the version the caller read, and what changes. */
type Change<I> = { id: string; version: number; input: I };

export const recommendationQueries = {
  forumRecommendation: (_: unknown, { id }: { id: string }, { loaders }: ForumsContext) => loaders.recommendation.load(id),
  forumRecommendations: (
    _: unknown,
    args: { filter?: RecommendationFilterInput | null } & PageArgs,
    { repositories, viewer }: ForumsContext,
  ) => repositories.recommendations.list(recommendationFilterFrom(args.filter), args, organisationOf(viewer)),
};

export const recommendationMutations = {
  addForumRecommendation: (_: unknown, { input }: { input: AddRecommendationInput }, { recommendations }: ForumsContext) =>
    recommendations.add(input),
  updateForumRecommendation: (_: unknown, { id, version, input }: Change<UpdateRecommendationInput>, { recommendations }: ForumsContext) =>
    recommendations.update(id, version, input),
  recordRecommendationFollowUp: (_: unknown, { id, version, input }: Change<FollowUpInput>, { recommendations }: ForumsContext) =>
    recommendations.recordFollowUp(id, version, input),
};

export const ForumRecommendation = {
  /** With the same visibility as every other read: a draft's recommendation of another organisation is null. */
  __resolveReference: (ref: { id: string }, { loaders }: ForumsContext) => loaders.recommendation.load(ref.id),
  declaration: (recommendation: Recommendation, _: unknown, { loaders }: ForumsContext) =>
    loaders.declaration.load(recommendation.declarationId),
  forum: (recommendation: Recommendation, _: unknown, { loaders }: ForumsContext) => loaders.forum.load(recommendation.forumId),
  addresseeOrganisation: (recommendation: Recommendation) => optionalOrganisationRef(recommendation.addresseeOrg),
  addressedArea: (recommendation: Recommendation) => optionalAdminAreaRef(recommendation.addressedPcode),
  addressedCommunity: (recommendation: Recommendation) => communityRef(recommendation.addressedCommunityId),
  text: async (recommendation: Recommendation, { language }: { language?: string | null }, { loaders }: ForumsContext) =>
    versionIn(await loaders.recommendationTexts.load(recommendation.id), language).body,
  language: (recommendation: Recommendation) => languageRef(recommendation.language),
  versions: (recommendation: Recommendation, _: unknown, { loaders }: ForumsContext) => loaders.recommendationTexts.load(recommendation.id),
  statusSince: (recommendation: Recommendation) => recommendation.statusSince ?? recommendation.adoptedOn,
  nextStatuses: (recommendation: Recommendation) => NEXT_STATUSES[recommendation.status],
  followUps: (recommendation: Recommendation, _: unknown, { loaders }: ForumsContext) =>
    loaders.followUpsOfRecommendation.load(recommendation.id),
};

export const ForumRecommendationText = {
  language: (text: RecommendationText) => languageRef(text.language),
  text: (text: RecommendationText) => text.body,
};

export const ForumRecommendationFollowUp = {
  from: (followUp: RecommendationFollowUp) => followUp.fromStatus,
  to: (followUp: RecommendationFollowUp) => followUp.toStatus,
  reportingOrganisation: (followUp: RecommendationFollowUp) => optionalOrganisationRef(followUp.reportingOrg),
  recordedAt: (followUp: RecommendationFollowUp) => followUp.createdAt,
};

/**
 * The recommendations addressing the directory's communities and areas: one statement for all the
 * parents of a request (see loaders.ts), at most `first` per parent, each parent keeping its own first.
 */
export const recommendationsUnderDirectory = {
  Community: {
    forumRecommendations: async ({ id }: { id: string }, args: FirstArgs, { loaders }: ForumsContext) => {
      const first = pageSize(args.first);
      return (await loaders.recommendationsAddressingCommunity({ first }).load(id)).slice(0, first);
    },
  },
  AdminArea: {
    forumRecommendations: async ({ pcode }: { pcode: string }, args: FirstArgs, { loaders }: ForumsContext) => {
      const first = pageSize(args.first);
      return (await loaders.recommendationsAddressingArea({ first }).load(pcode)).slice(0, first);
    },
  },
};
