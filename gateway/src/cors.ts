import cors from 'cors';
import type { RequestHandler } from 'express';

/** The one origin pattern that is not a URL: any port of this machine, for the local platform. */
export const LOCALHOST = 'localhost';
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** Why an entry of CORS_ORIGINS cannot be used, or null when it can (an origin has no path, query or credentials). */
export function corsOriginProblem(entry: string): string | null {
  if (entry === LOCALHOST) return null;
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return `"${entry}" is not an origin (scheme://host[:port]) nor "${LOCALHOST}"`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `"${entry}" must be http or https`;
  if (url.origin !== entry.replace(/\/$/, '')) return `"${entry}" must be an origin only: no path, query or credentials`;
  return null;
}

export function corsOriginAllowed(origins: readonly string[], origin: string): boolean {
  return origins.some((allowed) => (allowed === LOCALHOST ? LOCAL_ORIGIN.test(origin) : allowed.replace(/\/$/, '') === origin));
}

/**
 * CORS for browser apps on other origins (the console, an integrator's web client). An origin not
 * listed gets no CORS header at all, so the browser keeps the answer from its page. Tokens travel in
 * the Authorization header, never in cookies: credentials mode stays off.
 */
export function corsFor(origins: readonly string[]): RequestHandler {
  const handler = corsHandler(origins);
  return (req, res, next) => {
    // Every answer of these routes depends on Origin, asked or not: a shared cache that stored one
    // without CORS headers (no Origin, or one not listed; cors adds Vary only for an allowed origin)
    // must not serve it to a browser calling from an allowed origin. The schema files carry ETags.
    res.vary('Origin');
    // No Origin header (servers, scripts, same-origin GETs): cors would add nothing, after copying its
    // options and two callbacks on every request of the gateway's hot path.
    if (req.headers.origin === undefined) next();
    else handler(req, res, next);
  };
}

function corsHandler(origins: readonly string[]): RequestHandler {
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && corsOriginAllowed(origins, origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'x-purpose',
      'x-request-id',
      'graphql-client-name',
      'graphql-client-version',
      'apollographql-client-name',
      'apollographql-client-version',
      'apollo-require-preflight',
    ],
    exposedHeaders: ['x-request-id', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit-policy'],
    maxAge: 600,
  });
}
