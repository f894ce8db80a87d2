import { loadPresent } from '@peacegraph/kit';
import type { DirectoryContext } from '../context';
import type { Country as CountryRow } from '../entities';

export const Country = {
  officialLanguages: (country: CountryRow, _: unknown, { loaders }: DirectoryContext) =>
    loadPresent(loaders.language, country.officialLanguages),
  languages: (country: CountryRow, _: unknown, { loaders }: DirectoryContext) => loaders.languagesOfCountry.load(country.code),
  adminAreas: async (country: CountryRow, { level }: { level?: number | null }, { loaders }: DirectoryContext) => {
    const areas = await loaders.adminAreasOfCountry.load(country.code);
    return level === null || level === undefined ? areas : areas.filter((a) => a.level === level);
  },
};
