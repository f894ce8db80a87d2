import type { ForumsContext } from '../context';
import type { CreateDeclarationInput, RecipientInput, TranslationInput, UpdateDeclarationInput } from '../services/declaration-service';
import type { CreateForumInput, ParticipantsInput, UpdateForumInput } from '../services/forum-service';
import type { AddRecommendationInput, FollowUpInput, UpdateRecommendationInput } from '../services/recommendation-service';
import type { RecordTestimonyInput, UpdateTestimonyInput } from '../services/testimony-service';
import type { AddWorkingGroupInput, UpdateWorkingGroupInput } from '../services/working-group-service';

type Input<I> = { input: I };
/** A change to a record: its id, the version the caller read, and what changes. */
type Change<I> = { id: string; version: number; input: I };
type Publication = { publishedOn: Date | string };

export const Mutation = {
  createForum: (_: unknown, { input }: Input<CreateForumInput>, { forums }: ForumsContext) => forums.create(input),
  updateForum: (_: unknown, { id, version, input }: Change<UpdateForumInput>, { forums }: ForumsContext) =>
    forums.update(id, version, input),
  recordForumParticipants: (_: unknown, { id, version, input }: Change<ParticipantsInput>, { forums }: ForumsContext) =>
    forums.recordParticipants(id, version, input),

  addForumWorkingGroup: (_: unknown, { input }: Input<AddWorkingGroupInput>, { workingGroups }: ForumsContext) => workingGroups.add(input),
  updateForumWorkingGroup: (_: unknown, { id, version, input }: Change<UpdateWorkingGroupInput>, { workingGroups }: ForumsContext) =>
    workingGroups.update(id, version, input),

  recordTestimony: (_: unknown, { input }: Input<RecordTestimonyInput>, { testimonies }: ForumsContext) => testimonies.record(input),
  updateTestimony: (_: unknown, { id, version, input }: Change<UpdateTestimonyInput>, { testimonies }: ForumsContext) =>
    testimonies.update(id, version, input),
  setTestimonyConsent: (_: unknown, { id, version, input }: Change<{ consentToPublish: boolean }>, { testimonies }: ForumsContext) =>
    testimonies.setConsent(id, version, input),
  publishTestimony: (_: unknown, { id, version, input }: Change<Publication>, { testimonies }: ForumsContext) =>
    testimonies.publish(id, version, input),

  createDeclaration: (_: unknown, { input }: Input<CreateDeclarationInput>, { declarations }: ForumsContext) => declarations.create(input),
  updateDeclaration: (_: unknown, { id, version, input }: Change<UpdateDeclarationInput>, { declarations }: ForumsContext) =>
    declarations.update(id, version, input),
  saveDeclarationTranslation: (_: unknown, { id, version, input }: Change<TranslationInput>, { declarations }: ForumsContext) =>
    declarations.saveTranslation(id, version, input),
  addDeclarationRecipient: (_: unknown, { id, version, input }: Change<RecipientInput>, { declarations }: ForumsContext) =>
    declarations.addRecipient(id, version, input),
  recordDeclarationDelivery: (
    _: unknown,
    { id, version, input }: Change<{ recipient: string; deliveredOn: Date | string; deliveryNote?: string | null }>,
    { declarations }: ForumsContext,
  ) => declarations.recordDelivery(id, version, input),
  publishDeclaration: (_: unknown, { id, version, input }: Change<Publication>, { declarations }: ForumsContext) =>
    declarations.publish(id, version, input),

  addForumRecommendation: (_: unknown, { input }: Input<AddRecommendationInput>, { recommendations }: ForumsContext) =>
    recommendations.add(input),
  updateForumRecommendation: (_: unknown, { id, version, input }: Change<UpdateRecommendationInput>, { recommendations }: ForumsContext) =>
    recommendations.update(id, version, input),
  recordRecommendationFollowUp: (_: unknown, { id, version, input }: Change<FollowUpInput>, { recommendations }: ForumsContext) =>
    recommendations.recordFollowUp(id, version, input),
};
