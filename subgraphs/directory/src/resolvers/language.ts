import { loadPresent } from '@peacegraph/kit';
import type { LanguageResolvers } from '../generated/resolvers';

export const Language: LanguageResolvers = {
  countries: (language, _, { loaders }) => loadPresent(loaders.country, language.countryCodes),
};
