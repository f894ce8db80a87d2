import { groupedLoader, keyedLoader } from '@peacegraph/kit/sql';
import type { Repositories } from './repositories';

/** Fresh per request: a loader's cache must never outlive the caller it was filled for. */
export function createLoaders(repositories: Repositories) {
  return {
    adminArea: keyedLoader(
      (pcodes: readonly string[]) => repositories.adminAreas.byPcodes(pcodes),
      (a) => a.pcode,
    ),
    adminAreaChildren: groupedLoader(
      (parents: readonly string[]) => repositories.adminAreas.childrenOf(parents),
      (a) => a.parentPcode ?? '',
    ),
    adminAreasOfCountry: groupedLoader(
      (codes: readonly string[]) => repositories.adminAreas.inCountries(codes),
      (a) => a.countryCode,
    ),
    country: keyedLoader(
      (codes: readonly string[]) => repositories.countries.byCodes(codes),
      (c) => c.code,
    ),
    language: keyedLoader(
      (codes: readonly string[]) => repositories.languages.byCodes(codes),
      (l) => l.code,
    ),
    languagesOfCountry: groupedLoader(
      (codes: readonly string[]) => repositories.languages.spokenIn(codes),
      (l) => l.countryCodes,
    ),
    community: keyedLoader(
      (ids: readonly string[]) => repositories.communities.byIds(ids),
      (c) => c.id,
    ),
    organisation: keyedLoader(
      (ids: readonly string[]) => repositories.organisations.byIds(ids),
      (o) => o.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
