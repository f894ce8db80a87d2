/** @peacegraph/kit/input: see shared/README.md. Only what code outside the kit uses is exported. */
export { checkStatusChange } from './status-change';
export { createDirectoryClient, type DirectoryClient, type CommunityPlace } from './directory-client';
export * from './dates';
export * from './text';
export { Problems } from './problems';
export { refuseControlCharacters } from './text-arguments';
export { ReferenceChecks, type AreaRef } from './reference-checks';
export type { CommunityMapper, OrganisationMapper, AdminAreaMapper, LanguageMapper, CountryMapper } from './directory-keys';
export { COUNTRY_EXTENTS, insideCountry, checkInsideCountry } from './country-extents';
export { lookUp, answerOf, type Lookup } from './lookups';
