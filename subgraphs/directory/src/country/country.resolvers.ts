import { loadPresent } from '@peacegraph/kit/sql';
import type { CountryResolvers, QueryResolvers } from '../generated/resolvers';

export const countryQueries: QueryResolvers = {
  countries: (_, __, { repositories }) => repositories.countries.all(),
  country: (_, { code }, { loaders }) => loaders.country.load(code),
};

export const Country: CountryResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.country.load(ref.code),
  officialLanguages: (country, _, { loaders }) => loadPresent(loaders.language, country.officialLanguages),
  languages: (country, _, { loaders }) => loaders.languagesOfCountry.load(country.code),
  adminAreas: async (country, { level }, { loaders }) => {
    const areas = await loaders.adminAreasOfCountry.load(country.code);
    return level === null || level === undefined ? areas : areas.filter((a) => a.level === level);
  },
};
