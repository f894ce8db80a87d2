import { loadPresent } from '@peacegraph/kit';
import type { DirectoryContext } from '../context';
import type { Language as LanguageRow } from '../entities';

export const Language = {
  countries: (language: LanguageRow, _: unknown, { loaders }: DirectoryContext) => loadPresent(loaders.country, language.countryCodes),
};
