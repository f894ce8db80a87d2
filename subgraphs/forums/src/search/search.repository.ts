import type { DataSource } from 'typeorm';
import { Conditions } from '../common/sql-conditions';
import type { SearchKind } from '../common/values';

export interface SearchRequest {
  /** Web-search syntax, as typed. */
  query: string;
  kinds: readonly SearchKind[];
  /** ISO 639-3 codes; null for every language. */
  languages: readonly string[] | null;
  forum: string | null;
  country: string | null;
  /** Drafts of this organisation are searched too; null for anonymous callers. */
  viewerOrg: string | null;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  language: string;
  rank: number;
  /** ts_headline of the best-matching version, matched words between HIGHLIGHT_START and HIGHLIGHT_STOP. */
  headline: string;
  /** Every match of the request, whatever the page: totalCount without a second statement. */
  total: number;
}

/** Markers ts_headline puts around matched words; the service turns them into ranges. */
export const HIGHLIGHT_START = '\u27e6';
export const HIGHLIGHT_STOP = '\u27e7';
const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * A text matches when its stored tsvector matches the query parsed with the text's own configuration:
 * French texts against the query stemmed as French, English ones as English, others unstemmed, all
 * unaccented. Written as an OR of one `@@` per configuration, each a constant tsquery, so PostgreSQL
 * answers every arm from the GIN index (a BitmapOr) instead of parsing the query once per row.
 */
function matches(alias: string): string {
  return `((${alias}.language = 'fra' AND ${alias}.search @@ websearch_to_tsquery('public.fr_unaccent', $1))
        OR (${alias}.language = 'eng' AND ${alias}.search @@ websearch_to_tsquery('public.en_unaccent', $1))
        OR (${alias}.language NOT IN ('fra', 'eng') AND ${alias}.search @@ websearch_to_tsquery('public.simple_unaccent', $1)))`;
}

/** The query parsed with each configuration: constants, so PostgreSQL parses each once per statement, not once per row. */
function query(alias: string): string {
  return `CASE ${alias}.language WHEN 'fra' THEN websearch_to_tsquery('public.fr_unaccent', $1)
            WHEN 'eng' THEN websearch_to_tsquery('public.en_unaccent', $1)
            ELSE websearch_to_tsquery('public.simple_unaccent', $1) END`;
}

/**
 * Cover density rank, normalised by document length (1: long declarations do not win by length alone)
 * and scaled to [0, 1) (32). As float8, so that a cursor carries it exactly: its text form round-trips.
 */
function rank(alias: string): string {
  return `ts_rank_cd(${alias}.search, ${query(alias)}, 33)::float8`;
}

const visible = (alias: string, viewerOrg: string) => `(${alias}.published_on IS NOT NULL OR ${alias}.owner_org = ${viewerOrg})`;

/**
 * The same rule for a text whose record is not joined: no draft of another organisation holds it. Drafts
 * are few (partial indexes `*_draft`), so this reads a handful of rows where the join would hash every
 * published record (50,000 recommendations: a quarter of a search's time). Every text has its record
 * (a foreign key), so the two forms keep the same texts.
 */
const notOthersDraft = (parentTable: string, parentId: string, viewerOrg: string) =>
  `NOT EXISTS (SELECT 1 FROM ${parentTable} d WHERE d.id = ${parentId} AND d.published_on IS NULL AND d.owner_org IS DISTINCT FROM ${viewerOrg})`;

/**
 * Full-text search over the three kinds of text, as one statement: a UNION ALL of one branch per kind,
 * each answered from its GIN index and filtered by what the caller may see. A declaration (or a
 * recommendation) that matches in several languages counts once, with its best-ranked version.
 */
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The matches, one row per record. `ranked`: with the best version's rank and language (for a page);
   * otherwise only the records' ids (for totalCount, which needs no ranking).
   */
  private hits(request: SearchRequest, params: unknown[], ranked: boolean): string {
    params.push(request.query);
    // Pushed when a branch first needs it: a parameter no branch uses would have no type.
    let viewerParam: string | undefined;
    const viewer = () => (viewerParam ??= `$${params.push(request.viewerOrg)}::uuid`);
    const extra = (alias: string, forumColumn: string) => {
      const conditions = new Conditions(params).id(forumColumn, request.forum).forumPlace(forumColumn, request.country);
      if (request.languages) conditions.add(`${alias}.language = ANY(${conditions.param(request.languages, 'text[]')})`);
      return conditions.where();
    };
    /** A kind whose records have several language versions: each record once, with its best version. */
    const versioned = (kind: SearchKind, table: string, parent: string, parentTable: string) => {
      // A forum or country filter needs the record's forum; otherwise the record need not be read.
      const from =
        request.forum || request.country
          ? `FROM ${table} t JOIN ${parentTable} p ON p.id = t.${parent}
        WHERE ${matches('t')} AND ${visible('p', viewer())} AND ${extra('t', 'p.forum_id')}`
          : `FROM ${table} t
        WHERE ${matches('t')} AND ${notOthersDraft(parentTable, `t.${parent}`, viewer())} AND ${extra('t', 'NULL')}`;
      if (!ranked) return `(SELECT DISTINCT t.${parent} AS id ${from})`;
      return `(SELECT DISTINCT ON (t.${parent}) '${kind}' AS kind, t.${parent} AS id, t.id AS text_id, t.language, ${rank('t')} AS score
        ${from}
        ORDER BY t.${parent}, score DESC, t.original DESC)`;
    };
    const branches: string[] = [];
    if (request.kinds.includes('DECLARATION')) branches.push(versioned('DECLARATION', 'declaration_text', 'declaration_id', 'declaration'));
    if (request.kinds.includes('RECOMMENDATION'))
      branches.push(versioned('RECOMMENDATION', 'recommendation_text', 'recommendation_id', 'recommendation'));
    if (request.kinds.includes('TESTIMONY')) {
      // Published testimonies only, for everyone, their owner included: an unpublished testimony's text
      // is SENSITIVE and a snippet would show it. The condition matches the partial GIN index.
      const select = ranked ? `'TESTIMONY' AS kind, t.id, t.id AS text_id, t.language, ${rank('t')} AS score` : 't.id';
      branches.push(
        `(SELECT ${select} FROM testimony t WHERE t.published_on IS NOT NULL AND ${matches('t')} AND ${extra('t', 't.forum_id')})`,
      );
    }
    return branches.join('\nUNION ALL\n');
  }

  /**
   * One page of matches, best first: (score, id) descending. `after` is the (score, id) of the last match
   * already shown; every match is ranked again on each page (the GIN index finds them, ranking reads
   * their tsvectors), then the page is the next `limit` below it, so no OFFSET and no repeats. Snippets
   * are made for the page's rows only. Each row also carries the number of matches (counted before the
   * cursor's cut), so a page that has rows needs no count statement.
   */
  async page(request: SearchRequest, limit: number, after: [number, string] | null): Promise<SearchHit[]> {
    if (request.kinds.length === 0 || limit === 0) return [];
    const params: unknown[] = [];
    const hits = this.hits(request, params, true);
    let seek = '';
    if (after) {
      params.push(after[0], after[1]);
      seek = `WHERE (h.score, h.id) < ($${params.length - 1}::float8, $${params.length}::uuid)`;
    }
    params.push(limit, HEADLINE_OPTIONS);
    const [limitParam, optionsParam] = [`$${params.length - 1}`, `$${params.length}`];
    const headline = (table: string, text: string) =>
      `(SELECT ts_headline(forums_search_config(x.language), ${text}, websearch_to_tsquery(forums_search_config(x.language), $1), ${optionsParam})
        FROM ${table} x WHERE x.id = p.text_id)`;
    const rows = (await this.dataSource.query(
      `WITH hits AS (${hits})
       SELECT p.kind, p.id, p.language, p.score AS rank, p.total::int AS total,
         CASE p.kind
           WHEN 'DECLARATION' THEN ${headline('declaration_text', `x.title || E'\\n\\n' || x.body`)}
           WHEN 'RECOMMENDATION' THEN ${headline('recommendation_text', 'x.body')}
           ELSE ${headline('testimony', 'x.body')}
         END AS headline
       FROM (SELECT * FROM (SELECT h.*, count(*) OVER () AS total FROM hits h) h ${seek} ORDER BY h.score DESC, h.id DESC LIMIT ${limitParam}) p
       ORDER BY p.score DESC, p.id DESC`,
      params,
    )) as SearchHit[];
    return rows.map((row) => ({ ...row, rank: Number(row.rank) }));
  }

  async count(request: SearchRequest): Promise<number> {
    if (request.kinds.length === 0) return 0;
    const params: unknown[] = [];
    const [row] = (await this.dataSource.query(
      `WITH hits AS (${this.hits(request, params, false)}) SELECT count(*)::int AS n FROM hits`,
      params,
    )) as { n: number }[];
    return row!.n;
  }
}
