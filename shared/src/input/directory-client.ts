import DataLoader from 'dataloader';
import { onlyUuids } from '../sql/loaders';
import { serviceUnavailable } from '../errors/errors';

/**
 * Where a community lies, as the directory says at write time: the keys a record stores. Its name
 * stays in the directory, which owns it.
 */
export interface CommunityPlace {
  communityId: string;
  /** The community's lowest known admin area; "in this area and below" is a P-code prefix. */
  adminPcode: string;
  /** Its level-1 area (region), for grouping figures by region. */
  admin1Pcode: string;
  /** Its level-2 area, when the community is known at level 2 or below. */
  admin2Pcode: string | null;
  countryCode: string;
}

export interface LanguageRef {
  code: string;
  name: string;
}

export interface OrganisationRef {
  id: string;
  name: string;
}

export interface DirectoryClient {
  community: DataLoader<string, CommunityPlace | null>;
  /** Organisations the directory knows (operators, trainers, convenors). */
  organisation: DataLoader<string, OrganisationRef | null>;
  language: DataLoader<string, LanguageRef | null>;
  adminArea: DataLoader<string, { pcode: string; countryCode: string; level: number } | null>;
}

const QUERY = `query DirectoryLookup($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Community { id adminArea { pcode level parent { pcode level parent { pcode level } } } country { code } }
    ... on Language { code name }
    ... on Organisation { organisationId: id organisationName: name }
    ... on AdminArea { pcode level country { code } }
  }
}`;

type AreaChain = { pcode: string; level: number; parent?: AreaChain | null };
type Entity =
  | { id: string; adminArea: AreaChain; country: { code: string } }
  | { code: string; name: string }
  | { organisationId: string; organisationName: string }
  | { pcode: string; level: number; country: { code: string } }
  | null;

/**
 * Reads the directory's reference data over federation's own `_entities` query, batched per request:
 * a domain subgraph validates "is this a community, and where is it?" at write time without a copy
 * of the directory's tables. Only PUBLIC fields are read, so no credentials are needed.
 */
export function createDirectoryClient(directoryUrl: string, options: { timeoutMs?: number } = {}): DirectoryClient {
  const url = /\/graphql\/?$/.test(directoryUrl) ? directoryUrl : `${directoryUrl.replace(/\/$/, '')}/graphql`;
  async function lookup(representations: Record<string, string>[]): Promise<Entity[]> {
    let body: { data?: { _entities: Entity[] }; errors?: { message: string }[] };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY, variables: { representations } }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      body = (await response.json()) as typeof body;
      if (!response.ok || !body.data) throw new Error(`directory lookup failed: ${body.errors?.[0]?.message ?? `HTTP ${response.status}`}`);
    } catch {
      // The directory down, slow or failing is the platform's fault: the caller may retry the write.
      throw serviceUnavailable(
        'The directory, which checks places, languages and organisations, cannot be reached just now; retry in a few seconds',
      );
    }
    return body.data!._entities;
  }
  return {
    community: new DataLoader(async (ids) => {
      const found = await lookup(ids.map((id) => ({ __typename: 'Community', id })));
      return found.map((e) => (e && 'adminArea' in e ? place(e.id, e.adminArea, e.country.code) : null));
    }),
    organisation: new DataLoader(async (ids) => {
      // A malformed id cannot be an organisation; asking would fail the whole batch.
      const asked = ids.filter((id) => onlyUuids([id]).length === 1);
      const found = asked.length ? await lookup(asked.map((id) => ({ __typename: 'Organisation', id }))) : [];
      const byId = new Map(
        found.flatMap((e) =>
          e && 'organisationId' in e ? [[e.organisationId, { id: e.organisationId, name: e.organisationName }] as const] : [],
        ),
      );
      return ids.map((id) => byId.get(id) ?? null);
    }),
    language: new DataLoader(async (codes) => {
      const found = await lookup(codes.map((code) => ({ __typename: 'Language', code })));
      return found.map((e) => (e && 'code' in e ? { code: e.code, name: e.name } : null));
    }),
    adminArea: new DataLoader(async (pcodes) => {
      const found = await lookup(pcodes.map((pcode) => ({ __typename: 'AdminArea', pcode })));
      return found.map((e) => (e && 'level' in e ? { pcode: e.pcode, level: e.level, countryCode: e.country.code } : null));
    }),
  };
}

/** The community's area and its ancestors at levels 1 and 2, from the chain the directory returned. */
function place(communityId: string, area: AreaChain, countryCode: string): CommunityPlace {
  const chain: AreaChain[] = [];
  for (let a: AreaChain | null | undefined = area; a; a = a.parent) chain.push(a);
  const at = (level: number) => chain.find((a) => a.level === level)?.pcode ?? null;
  const admin1Pcode = at(1);
  if (!admin1Pcode) throw new Error(`The directory knows no level-1 area above ${area.pcode}`);
  return { communityId, adminPcode: area.pcode, admin1Pcode, admin2Pcode: at(2), countryCode };
}
