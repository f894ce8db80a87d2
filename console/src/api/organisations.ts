import { useMemo } from 'react';
import { useSession } from './session';
import { useQuery } from './use-query';

export interface Organisation {
  id: string;
  name: string;
  acronym: string | null;
  kind: string;
}

const ORGANISATIONS = `query ConsoleOrganisations($after: String) {
  organisations(first: 100, after: $after) { edges { node { id name acronym kind } } pageInfo { hasNextPage endCursor } totalCount }
}`;

/** The directory's organisations (public), through the gateway: to show owners by name. */
export function useOrganisations() {
  const { gateway } = useSession();
  const result = useQuery<{ organisations: { edges: { node: Organisation }[]; totalCount: number } }>(gateway, ORGANISATIONS);
  const list = useMemo(() => result.data?.organisations.edges.map((e) => e.node) ?? [], [result.data]);
  const byId = useMemo(() => new Map(list.map((o) => [o.id, o])), [list]);
  return { ...result, list, byId };
}

export function organisationName(byId: Map<string, Organisation>, id: string | null | undefined, fallback: string): string {
  if (!id) return fallback;
  const organisation = byId.get(id);
  return organisation ? (organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name) : id;
}
