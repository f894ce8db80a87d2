import type { ForumsContext } from '../context';
import type {
  Declaration as DeclarationRow,
  DeclarationRecipient as RecipientRow,
  DeclarationText as TextRow,
  Recommendation,
  RecommendationFollowUp,
  RecommendationText,
} from '../entities';
import { NEXT_STATUSES } from '../services/follow-up-rules';
import { communityRef, languageRef, optionalAdminAreaRef, optionalOrganisationRef, organisationRef } from './references';

type LanguageArgs = { language?: string | null };

/** The version in the language asked for, or the original (texts come original first). */
function version<T extends { language: string }>(texts: readonly T[], language: string | null | undefined): T {
  return texts.find((t) => t.language === language) ?? texts[0]!;
}

export const Declaration = {
  forum: (declaration: DeclarationRow, _: unknown, { loaders }: ForumsContext) => loaders.forum.load(declaration.forumId),
  title: async (declaration: DeclarationRow, { language }: LanguageArgs, { loaders }: ForumsContext) =>
    version(await loaders.declarationTexts.load(declaration.id), language).title,
  text: async (declaration: DeclarationRow, { language }: LanguageArgs, { loaders }: ForumsContext) =>
    version(await loaders.declarationTexts.load(declaration.id), language).body,
  language: (declaration: DeclarationRow) => languageRef(declaration.language),
  versions: (declaration: DeclarationRow, _: unknown, { loaders }: ForumsContext) => loaders.declarationTexts.load(declaration.id),
  drafters: (declaration: DeclarationRow) =>
    declaration.drafters.map((d) => ({ role: d.role, organisation: optionalOrganisationRef(d.organisationId) })),
  recipients: (declaration: DeclarationRow, _: unknown, { loaders }: ForumsContext) => loaders.recipientsOfDeclaration.load(declaration.id),
  recommendations: (declaration: DeclarationRow, _: unknown, { loaders }: ForumsContext) =>
    loaders.recommendationsOfDeclaration.load(declaration.id),
  recordedBy: (declaration: DeclarationRow) => organisationRef(declaration.ownerOrg),
};

export const DeclarationText = {
  language: (text: TextRow) => languageRef(text.language),
  text: (text: TextRow) => text.body,
};

export const DeclarationRecipient = {
  organisation: (recipient: RecipientRow) => optionalOrganisationRef(recipient.organisationId),
};

export const ForumRecommendation = {
  declaration: (recommendation: Recommendation, _: unknown, { loaders }: ForumsContext) =>
    loaders.declaration.load(recommendation.declarationId),
  forum: (recommendation: Recommendation, _: unknown, { loaders }: ForumsContext) => loaders.forum.load(recommendation.forumId),
  addresseeOrganisation: (recommendation: Recommendation) => optionalOrganisationRef(recommendation.addresseeOrg),
  addressedArea: (recommendation: Recommendation) => optionalAdminAreaRef(recommendation.addressedPcode),
  addressedCommunity: (recommendation: Recommendation) => communityRef(recommendation.addressedCommunityId),
  text: async (recommendation: Recommendation, { language }: LanguageArgs, { loaders }: ForumsContext) =>
    version(await loaders.recommendationTexts.load(recommendation.id), language).body,
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
