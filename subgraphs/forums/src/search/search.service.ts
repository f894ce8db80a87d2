import { organisationOf, type Viewer } from '@peacegraph/kit/auth';
import { badInput } from '@peacegraph/kit/errors';
import { decodeCursor, encodeCursor, pageSize, type CursorList } from '@peacegraph/kit/sql';
import type { Declaration } from '../declaration/declaration.entity';
import type { QueryForumSearchArgs } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Recommendation } from '../recommendation/recommendation.entity';
import type { Repositories } from '../repositories';
import type { Testimony } from '../testimony/testimony.entity';
import { SEARCH_KINDS } from '../common/values';
import { HIGHLIGHT_START, HIGHLIGHT_STOP, type SearchHit, type SearchRequest } from './search.repository';

export const MAX_QUERY_LENGTH = 200;

export interface Snippet {
  text: string;
  highlights: { start: number; length: number }[];
}

/** ts_headline's marked text as plain text and the places of its marked words (UTF-16 indexes). */
export function snippetOf(headline: string): Snippet {
  let text = '';
  const highlights: Snippet['highlights'] = [];
  let rest = headline;
  for (;;) {
    const start = rest.indexOf(HIGHLIGHT_START);
    const stop = start < 0 ? -1 : rest.indexOf(HIGHLIGHT_STOP, start + HIGHLIGHT_START.length);
    if (start < 0 || stop < 0) break;
    text += rest.slice(0, start);
    const word = rest.slice(start + HIGHLIGHT_START.length, stop);
    highlights.push({ start: text.length, length: word.length });
    text += word;
    rest = rest.slice(stop + HIGHLIGHT_STOP.length);
  }
  text += rest.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_STOP, '');
  // Adjacent words of a phrase come marked one by one: merge ranges that touch across a space.
  const merged: Snippet['highlights'] = [];
  for (const range of highlights) {
    const last = merged.at(-1);
    if (last && /^\s+$/.test(text.slice(last.start + last.length, range.start))) last.length = range.start + range.length - last.start;
    else merged.push({ ...range });
  }
  const lead = text.length - text.trimStart().length;
  return { text: text.trim(), highlights: merged.map((r) => ({ start: r.start - lead, length: r.length })) };
}

/** The search's order (best rank first, then id), which its cursors are bound to. */
const SEARCH_LIST: CursorList = {
  table: 'forum search',
  direction: 'DESC',
  keys: [
    { expression: 'rank', type: 'number' },
    { expression: 'id', type: 'uuid' },
  ],
};

/** A search cursor: the (rank, id) of the match it points after. */
function cursorOf(after: string | null | undefined): [number, string] | null {
  if (after === null || after === undefined) return null;
  return decodeCursor(SEARCH_LIST, after, 'after') as [number, string];
}

export type SearchNode = Declaration | Recommendation | Testimony;

/**
 * Full-text search as a connection: matches found and ranked in SQL, their records loaded through the
 * request's loaders (which apply the same visibility), a snippet per match.
 */
export class SearchService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly viewer: Viewer,
  ) {}

  async search(args: QueryForumSearchArgs) {
    const query = args.query.trim();
    if (query === '') throw badInput('query', 'Say what to search for');
    if (query.length > MAX_QUERY_LENGTH) throw badInput('query', `Keep the search to ${MAX_QUERY_LENGTH} characters (got ${query.length})`);
    const first = pageSize(args.first);
    const after = cursorOf(args.after);
    const request: SearchRequest = {
      query,
      kinds: args.kinds?.length ? SEARCH_KINDS.filter((k) => args.kinds!.includes(k)) : SEARCH_KINDS,
      languages: args.languages?.length ? [...new Set(args.languages)] : null,
      forum: args.filter?.forum ?? null,
      country: args.filter?.country ?? null,
      viewerOrg: organisationOf(this.viewer),
    };
    // Answers depend only on the request (its viewer's organisation included) and on the data: the
    // read cache keeps them until a write raises the generation (the kit's ReadCache, repositories.ts).
    const { search, readCache } = this.repositories;
    const generation = await readCache.version();
    const hits = await readCache.get(generation, `search:page:${JSON.stringify([request, first + 1, after])}`, () =>
      search.page(request, first + 1, after),
    );
    const page = hits.slice(0, first);
    const nodes = await Promise.all(page.map((hit) => this.node(hit)));
    const edges = page
      .map((hit, i) => ({
        cursor: encodeCursor(SEARCH_LIST, [hit.rank, hit.id]),
        node: nodes[i],
        kind: hit.kind,
        rank: hit.rank,
        language: { __typename: 'Language', code: hit.language },
        snippet: snippetOf(hit.headline ?? ''),
      }))
      // A record made invisible between the two statements is left out rather than shown.
      .filter((edge): edge is typeof edge & { node: SearchNode } => Boolean(edge.node));
    let total: Promise<number> | undefined;
    return {
      edges,
      pageInfo: {
        hasNextPage: hits.length > first,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      // The page counted every match when it had a row; the count statement is for an empty page.
      totalCount: () =>
        (total ??= hits.length
          ? Promise.resolve(hits[0]!.total)
          : readCache.get(generation, `search:count:${JSON.stringify(request)}`, () => search.count(request))),
    };
  }

  private node(hit: SearchHit): Promise<SearchNode | null> {
    if (hit.kind === 'DECLARATION') return this.loaders.declaration.load(hit.id);
    if (hit.kind === 'RECOMMENDATION') return this.loaders.recommendation.load(hit.id);
    return this.loaders.testimony.load(hit.id);
  }
}
