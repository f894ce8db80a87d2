import { loadPresent } from '@peacegraph/kit/sql';
import type { LanguageResolvers, QueryResolvers } from '../generated/resolvers';

export const languageQueries: QueryResolvers = {
  language: (_, { code }, { loaders }) => loaders.language.load(code),
  languages: (_, args, { repositories }) => repositories.languages.list(args, args),
};

export const Language: LanguageResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.language.load(ref.code),
  countries: (language, _, { loaders }) => loadPresent(loaders.country, language.countryCodes),
};
