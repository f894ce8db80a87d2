import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

export interface ConsoleOptions {
  /** The console's built files (console/dist). */
  dir: string;
  /** The gateway's GraphQL endpoint, which the console calls for organisations, API keys and audit logs. */
  gatewayUrl: string;
  /** Only on the embedded development platform: the console opens signed in with it, as the explorer does. */
  devToken?: string;
}

/**
 * The web console at the registry's root: its files, and `/console-config.json` telling it where the
 * gateway is. The page may load only its own files and talk only to the registry and the gateway: a
 * console holds an admin's token, so nothing from elsewhere may run in it.
 */
export function consoleRoutes(options: ConsoleOptions): Router {
  const router = express.Router();
  const gatewayOrigin = new URL(options.gatewayUrl).origin;
  const policy = [
    "default-src 'self'",
    `connect-src 'self' ${gatewayOrigin}`,
    "img-src 'self' data: blob:",
    "style-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  router.use((_req, res, next) => {
    res.set({ 'content-security-policy': policy, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
    next();
  });
  router.get('/console-config.json', (_req, res) => {
    res.set('cache-control', 'no-store');
    res.json({ gatewayUrl: options.gatewayUrl, ...(options.devToken ? { devToken: options.devToken } : {}) });
  });
  // File names under assets/ carry a hash of their content: cached for a year. The page itself is
  // asked for again each time, so a new build is seen at once.
  router.use('/assets', express.static(path.join(options.dir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  router.get(['/', '/index.html'], (_req, res) => {
    const page = path.join(options.dir, 'index.html');
    // Looked for on each request: npm start builds the console while the registry starts.
    if (!fs.existsSync(page)) {
      res
        .status(503)
        .type('text/plain')
        .send('The console is not built yet. npm start builds it; by hand: npm run build -w @peacegraph/console\n');
      return;
    }
    res.set('cache-control', 'no-cache');
    res.sendFile(page);
  });
  return router;
}
