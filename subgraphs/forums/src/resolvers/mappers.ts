/**
 * What the resolvers of each GraphQL type receive as parent and return: the rows, not the SDL's shapes.
 * `npm run codegen` reads every `<GraphQLType>Mapper` exported here into src/generated/resolvers.ts;
 * connections are the kit's `Connection` of their node's type without being listed.
 */
import type { Declaration, DeclarationRecipient, DeclarationText } from '../declaration/declaration.entity';
import type { Forum } from '../forum/forum.entity';
import type { Recommendation, RecommendationFollowUp, RecommendationText } from '../recommendation/recommendation.entity';
import type { DisclosedParticipants } from '../statistics/statistics.disclosure';
import type { Testimony } from '../testimony/testimony.entity';
import type { WorkingGroup } from '../working-group/working-group.entity';

// The directory's entities: forums holds their keys only (references.ts).
export type { CommunityMapper, AdminAreaMapper, OrganisationMapper, LanguageMapper } from '@peacegraph/kit/input';

export type ForumMapper = Forum;
export type ForumWorkingGroupMapper = WorkingGroup;
export type TestimonyMapper = Testimony;
export type DeclarationMapper = Declaration;
export type DeclarationTextMapper = DeclarationText;
export type DeclarationRecipientMapper = DeclarationRecipient;
export type ForumRecommendationMapper = Recommendation;
export type ForumRecommendationTextMapper = RecommendationText;
export type ForumRecommendationFollowUpMapper = RecommendationFollowUp;

// A forum's participants as the caller may see them: regions of origin by P-code, until their resolver.
export type ForumParticipantsMapper = DisclosedParticipants;
