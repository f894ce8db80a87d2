/**
 * The directory's entities as displacement holds them: their keys only, and a community's coordinates
 * when the gateway sends them (@requires). `npm run codegen` reads these into src/generated/resolvers.ts.
 */
export type CommunityMapper = { id: string; latitude?: number | null; longitude?: number | null };
export type { AdminAreaMapper, OrganisationMapper } from '@peacegraph/kit/input';
