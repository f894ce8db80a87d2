/**
 * Case- and accent-insensitive name search, the same in every subgraph: "segou" finds "Ségou".
 * A subgraph's migration creates `search_key()` with SEARCH_KEY_SQL; its columns index
 * `search_key(name)` with gin_trgm_ops; its queries compare against `containsPattern(term)`.
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

/** `%term%` over search_key(), computed the same way in JavaScript, with LIKE wildcards taken literally. */
export function containsPattern(term: string): string {
  const key = term
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
  return `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
