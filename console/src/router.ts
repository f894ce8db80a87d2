import { useEffect, useState } from 'react';

export const PAGES = ['overview', 'schema', 'checks', 'launches', 'usage', 'access', 'audit'] as const;
export type Page = (typeof PAGES)[number];

export interface Route {
  page: Page;
  /** What follows the page in the hash: a check's id, a subgraph's name. */
  param: string | null;
}

/** Routes live in the hash (#/checks/<id>): the registry serves one page, and links work offline. */
export function parseRoute(hash: string): Route {
  const [page, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const known = (PAGES as readonly string[]).includes(page ?? '') ? (page as Page) : 'overview';
  let param: string | null;
  try {
    param = rest.length > 0 && rest.join('/') !== '' ? decodeURIComponent(rest.join('/')) : null;
  } catch {
    // A malformed escape (#/checks/%) opens the page without a parameter rather than a blank console.
    param = null;
  }
  return { page: known, param };
}

export function href(page: Page, param?: string | null): string {
  return `#/${page}${param ? `/${encodeURIComponent(param)}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return route;
}
