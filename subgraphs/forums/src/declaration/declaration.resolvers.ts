import { organisationOf } from '@peacegraph/kit/auth';
import { type PageArgs } from '@peacegraph/kit/sql';
import type { ForumsContext } from '../context';
import { languageRef, optionalOrganisationRef, organisationRef } from '../references';
import type { Declaration as DeclarationRow, DeclarationRecipient as RecipientRow, DeclarationText as TextRow } from './declaration.entity';
import { declarationFilterFrom, type DeclarationFilterInput } from './declaration.rules';
import type { CreateDeclarationInput, RecipientInput, TranslationInput, UpdateDeclarationInput } from './declaration.service';

type LanguageArgs = { language?: string | null };
/** A change to a record: its id, the version the caller read, and what changes. */
type Change<I> = { id: string; version: number; input: I };

/** The version in the language asked for, or the original (texts come original first). */
export function versionIn<T extends { language: string }>(texts: readonly T[], language: string | null | undefined): T {
  return texts.find((t) => t.language === language) ?? texts[0]!;
}

export const declarationQueries = {
  declaration: (_: unknown, { id }: { id: string }, { loaders }: ForumsContext) => loaders.declaration.load(id),
  declarations: (_: unknown, args: { filter?: DeclarationFilterInput | null } & PageArgs, { repositories, viewer }: ForumsContext) =>
    repositories.declarations.list(declarationFilterFrom(args.filter), args, organisationOf(viewer)),
};

export const declarationMutations = {
  createDeclaration: (_: unknown, { input }: { input: CreateDeclarationInput }, { declarations }: ForumsContext) =>
    declarations.create(input),
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
  publishDeclaration: (_: unknown, { id, version, input }: Change<{ publishedOn: Date | string }>, { declarations }: ForumsContext) =>
    declarations.publish(id, version, input),
};

export const Declaration = {
  /** With the same visibility as every other read: another organisation's draft resolves to null. */
  __resolveReference: (ref: { id: string }, { loaders }: ForumsContext) => loaders.declaration.load(ref.id),
  forum: (declaration: DeclarationRow, _: unknown, { loaders }: ForumsContext) => loaders.forum.load(declaration.forumId),
  title: async (declaration: DeclarationRow, { language }: LanguageArgs, { loaders }: ForumsContext) =>
    versionIn(await loaders.declarationTexts.load(declaration.id), language).title,
  text: async (declaration: DeclarationRow, { language }: LanguageArgs, { loaders }: ForumsContext) =>
    versionIn(await loaders.declarationTexts.load(declaration.id), language).body,
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
