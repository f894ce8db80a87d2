import { organisationOf } from '@peacegraph/kit/auth';
import { loadExisting } from '@peacegraph/kit/sql';
import type {
  DeclarationRecipientResolvers,
  DeclarationResolvers,
  DeclarationTextResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../generated/resolvers';
import { languageRef, optionalOrganisationRef, organisationRef } from '../common/references';
import { declarationFilterFrom } from './declaration.rules';

/** The version in the language asked for, or the original (texts come original first). */
export function versionIn<T extends { language: string }>(texts: readonly T[], language: string | null | undefined): T {
  return texts.find((t) => t.language === language) ?? texts[0]!;
}

export const declarationQueries: QueryResolvers = {
  declaration: (_, { id }, { loaders }) => loaders.declaration.load(id),
  declarations: (_, args, { repositories, viewer }) =>
    repositories.declarations.list(declarationFilterFrom(args.filter), args, organisationOf(viewer)),
};

export const declarationMutations: MutationResolvers = {
  createDeclaration: (_, { input }, { declarations }) => declarations.create(input),
  updateDeclaration: (_, { id, version, input }, { declarations }) => declarations.update(id, version, input),
  saveDeclarationTranslation: (_, { id, version, input }, { declarations }) => declarations.saveTranslation(id, version, input),
  addDeclarationRecipient: (_, { id, version, input }, { declarations }) => declarations.addRecipient(id, version, input),
  recordDeclarationDelivery: (_, { id, version, input }, { declarations }) => declarations.recordDelivery(id, version, input),
  publishDeclaration: (_, { id, version, input }, { declarations }) => declarations.publish(id, version, input),
};

export const Declaration: DeclarationResolvers = {
  /** With the same visibility as every other read: another organisation's draft resolves to null. */
  __resolveReference: (ref, { loaders }) => loaders.declaration.load(ref.id),
  forum: (declaration, _, { loaders }) => loadExisting(loaders.forum, declaration.forumId),
  title: async (declaration, { language }, { loaders }) => versionIn(await loaders.declarationTexts.load(declaration.id), language).title,
  text: async (declaration, { language }, { loaders }) => versionIn(await loaders.declarationTexts.load(declaration.id), language).body,
  language: (declaration) => languageRef(declaration.language),
  versions: (declaration, _, { loaders }) => loaders.declarationTexts.load(declaration.id),
  drafters: (declaration) => declaration.drafters.map((d) => ({ role: d.role, organisation: optionalOrganisationRef(d.organisationId) })),
  recipients: (declaration, _, { loaders }) => loaders.recipientsOfDeclaration.load(declaration.id),
  recommendations: (declaration, _, { loaders }) => loaders.recommendationsOfDeclaration.load(declaration.id),
  recordedBy: (declaration) => organisationRef(declaration.ownerOrg),
};

export const DeclarationText: DeclarationTextResolvers = {
  language: (text) => languageRef(text.language),
  text: (text) => text.body,
};

export const DeclarationRecipient: DeclarationRecipientResolvers = {
  organisation: (recipient) => optionalOrganisationRef(recipient.organisationId),
};
