import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import { explorerPage } from './page';

export const EXPLORER_ASSETS = '/explorer/assets';

/**
 * GraphiQL served from node_modules: partners on a field office link or an air-gapped server get the
 * explorer with no internet access, and nothing is fetched from a CDN.
 */
const assets = new Map<string, string>([
  ['graphiql.min.js', packageFile('graphiql', 'graphiql.min.js')],
  ['graphiql.min.css', packageFile('graphiql', 'graphiql.min.css')],
  ['react.production.min.js', packageFile('react', 'umd/react.production.min.js')],
  ['react-dom.production.min.js', packageFile('react-dom', 'umd/react-dom.production.min.js')],
  ['boot.js', path.join(__dirname, 'boot.js')],
]);

export interface ExplorerOptions {
  /** Where the page sends queries. */
  endpoint: string;
  /** Pre-filled in the headers editor, e.g. a development token. */
  headers?: Record<string, string>;
}

export function explorerRouter(options: ExplorerOptions): Router {
  const router = Router();
  const page = explorerPage({
    endpoint: options.endpoint,
    assets: EXPLORER_ASSETS,
    headers: options.headers,
  });
  const sendPage = (res: Response) => {
    res.type('html').set('cache-control', 'no-store').set('content-security-policy', CONTENT_SECURITY_POLICY).send(page);
  };

  router.get('/', (_req, res) => sendPage(res));
  router.get(options.endpoint, (req, res, next) => {
    if (wantsPage(req)) sendPage(res);
    else next();
  });
  router.get(`${EXPLORER_ASSETS}/:file`, (req, res, next) => {
    const file = assets.get(req.params.file);
    if (!file) {
      next();
      return;
    }
    res.sendFile(file, { maxAge: '1d' });
  });
  return router;
}

/**
 * Scripts, styles and queries stay on this origin. GraphiQL sets inline styles and shows data: icons,
 * so those two are allowed.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A browser opening the endpoint; GraphQL over GET (with `query=`) keeps going to the server. */
function wantsPage(req: Request): boolean {
  return req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html';
}

/** React's package `exports` hide the umd folder from require.resolve; its package.json is visible. */
function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}
