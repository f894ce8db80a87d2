/** A subgraph's Cache-Control, as Apollo's cache policy takes it: the answer's age limit and scope. */
export interface CacheHint {
  maxAge: number;
  scope?: 'PUBLIC' | 'PRIVATE';
}

/**
 * What Apollo's RemoteGraphQLDataSource read from a subgraph's Cache-Control before the gateway had
 * its own client: `max-age` when it is a whole number (else 0: no caching), `private` or `public` as
 * the scope. An answer without the header is not cacheable, so the gateway's answer is not either.
 */
export function cacheHintOf(header: string | undefined): CacheHint {
  const hint: CacheHint = { maxAge: 0 };
  if (!header) return hint;
  // Read as Apollo read it: directives as written (case kept), a value's quotes dropped.
  const directives = new Map<string, string | true>();
  for (const part of header.trim().split(/\s*,\s*/)) {
    const [name = '', value] = part.split(/\s*=\s*/, 2);
    directives.set(name, value === undefined ? true : value.replace(/^"|"$/g, ''));
  }
  const maxAge = directives.get('max-age');
  if (typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge)) hint.maxAge = Number(maxAge);
  // Apollo checked private before public: with both, public won.
  if (directives.get('private') === true) hint.scope = 'PRIVATE';
  if (directives.get('public') === true) hint.scope = 'PUBLIC';
  return hint;
}
