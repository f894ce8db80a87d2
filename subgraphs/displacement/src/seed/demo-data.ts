/**
 * Who and where the demo data is about: the Liptako-Gourma Mobility Agency, a demo organisation of the
 * directory, and the directory's demo communities of the tri-border region. Records are written by us
 * in the style of what such an agency reports; nobody is named.
 */
export const MOBILITY_AGENCY = '00000000-0000-4000-8000-000000000006';
export const ECOWAS_COMMISSION = '00000000-0000-4000-8000-000000000007';
export const RECONCILIATION_MINISTRY = '00000000-0000-4000-8000-000000000008';

/**
 * The directory's demo communities have fixed ids, 00000000-0000-4000-a000-0000000000NN, NN being the
 * 1-based position in its DEMO_COMMUNITIES (subgraphs/directory/src/seed/demo-data.ts; a test checks
 * that the names below still sit at those positions).
 */
export function demoCommunityId(position: number): string {
  return `00000000-0000-4000-a000-${String(position).padStart(12, '0')}`;
}

export const COMMUNITY_POSITIONS = { Douentza: 7, Ansongo: 8, Djibo: 9, Dori: 10, GoromGorom: 11, Tera: 12, Ayorou: 13 } as const;
export type DemoCommunity = keyof typeof COMMUNITY_POSITIONS;
export const DEMO_COMMUNITIES = Object.fromEntries(
  Object.entries(COMMUNITY_POSITIONS).map(([name, position]) => [name, demoCommunityId(position)]),
) as Record<DemoCommunity, string>;
