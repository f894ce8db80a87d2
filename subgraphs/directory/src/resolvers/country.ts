import { loadPresent } from '@peacegraph/kit';
import type { CountryResolvers } from '../generated/resolvers';

export const Country: CountryResolvers = {
  officialLanguages: (country, _, { loaders }) => loadPresent(loaders.language, country.officialLanguages),
  languages: (country, _, { loaders }) => loaders.languagesOfCountry.load(country.code),
  adminAreas: async (country, { level }, { loaders }) => {
    const areas = await loaders.adminAreasOfCountry.load(country.code);
    return level === null || level === undefined ? areas : areas.filter((a) => a.level === level);
  },
};
