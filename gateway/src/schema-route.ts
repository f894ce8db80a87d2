import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AUDIENCES, type SchemaFiles } from './contracts';

/**
 * GET /schema.graphql (the API schema) and /schema/<audience>.graphql (its contract for `public` or
 * `partner` callers), for integrators' code generators. The SDL is public knowledge — introspection
 * answers the same — so no credentials are asked; an ETag lets a generator skip an unchanged schema.
 */
export function schemaFileRoute(files: () => SchemaFiles | undefined): RequestHandler {
  const etags = new WeakMap<object, Map<string, string>>();
  return (req, res) => {
    const audience = (req.params as { audience?: string }).audience;
    if (audience !== undefined && !Object.hasOwn(AUDIENCES, audience)) {
      res
        .status(404)
        .type('text/plain')
        .send(
          `No contract "${audience.slice(0, 40)}": the contracts are ${Object.keys(AUDIENCES)
            .map((a) => `/schema/${a}.graphql`)
            .join(' and ')}\n`,
        );
      return;
    }
    const current = files();
    if (!current) {
      res.status(503).set('retry-after', '2').type('text/plain').send('No supergraph is loaded yet: try again in a moment\n');
      return;
    }
    const key = (audience ?? 'api') as keyof SchemaFiles;
    const sdl = current[key];
    let tags = etags.get(current);
    if (!tags) etags.set(current, (tags = new Map()));
    let etag = tags.get(key);
    if (!etag) tags.set(key, (etag = `"${createHash('sha256').update(sdl).digest('base64url').slice(0, 27)}"`));
    res.set({ etag, 'cache-control': 'no-cache' });
    if (req.get('if-none-match') === etag) {
      res.status(304).end();
      return;
    }
    res.type('application/graphql; charset=utf-8').send(sdl);
  };
}
