/**
 * Case- and accent-insensitive name search, the same in every subgraph: "segou" finds "Ségou".
 * A subgraph's migration creates `search_key()` with SEARCH_KEY_SQL; its columns index
 * `search_key(name)` with gin_trgm_ops; its queries compare against `containsTerm(placeholder)`.
 */
export const SEARCH_KEY_SQL = [
  `CREATE EXTENSION IF NOT EXISTS unaccent`,
  `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
  // unaccent is only STABLE (its dictionary could change); generated columns and indexes need
  // IMMUTABLE, and we accept re-indexing by hand if anyone ever edits the dictionary.
  `CREATE FUNCTION search_key(value text) RETURNS text
   LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
   AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$`,
  `CREATE FUNCTION search_key(value text, others text[]) RETURNS text
   LANGUAGE sql IMMUTABLE PARALLEL SAFE
   AS $$ SELECT search_key(concat_ws(' ', value, array_to_string(others, ' '))) $$`,
];

/**
 * SQL for "contains the term" against a search_key() column: `name_key LIKE ${containsTerm(':search')}`.
 * The term's key is made by the same search_key() inside the statement, not by a JavaScript copy of
 * it: unaccent also maps dashes, quotes and ligatures ("Séno–Yagha" is keyed "seno-yagha"), which a
 * copy missed. The term is trimmed and LIKE wildcards in it are taken literally. PostgreSQL folds the
 * expression to a constant when it plans the statement, so the trigram index still serves it.
 */
export function containsTerm(placeholder: string): string {
  return `'%' || replace(replace(replace(search_key(btrim(${placeholder})), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
}
