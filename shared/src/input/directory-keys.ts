/**
 * The directory's entities as the other subgraphs hold them: their keys only, resolved by the directory
 * through the gateway. A subgraph's mappers file re-exports those its schema names
 * (`export type { CommunityMapper } from '@peacegraph/kit/input'`); `npm run codegen` reads them as its own.
 */
export type CommunityMapper = { id: string };
export type OrganisationMapper = { id: string };
export type AdminAreaMapper = { pcode: string };
export type LanguageMapper = { code: string };
export type CountryMapper = { code: string };
