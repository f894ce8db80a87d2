import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { consoleRoutes } from '../src/http/console-route';

/** The console's files as the registry serves them, from a folder laid out as Vite builds it. */
let dir: string;
let server: http.Server;
let base: string;

async function serve(options: Parameters<typeof consoleRoutes>[0]): Promise<void> {
  const app = express();
  app.use(consoleRoutes(options));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peacegraph-console-'));
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the page, its hashed assets and its configuration, each cached as it should be, under a strict content policy', async () => {
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>PeaceGraph console</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  await serve({ dir, gatewayUrl: 'http://localhost:4000/graphql', devToken: 'dev-token' });

  const page = await fetch(`${base}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('PeaceGraph console');
  expect(page.headers.get('cache-control')).toBe('no-cache');
  const policy = page.headers.get('content-security-policy')!;
  expect(policy.split('; ')).toEqual(
    expect.arrayContaining([
      "default-src 'self'",
      "connect-src 'self' http://localhost:4000",
      "script-src 'self'",
      "frame-ancestors 'none'",
    ]),
  );
  expect(page.headers.get('x-content-type-options')).toBe('nosniff');

  const script = await fetch(`${base}/assets/index-abc123.js`);
  expect(script.status).toBe(200);
  expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

  const config = await fetch(`${base}/console-config.json`);
  expect(config.headers.get('cache-control')).toBe('no-store');
  expect(await config.json()).toEqual({ gatewayUrl: 'http://localhost:4000/graphql', devToken: 'dev-token' });

  expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  // fetch would normalise "../" away before sending: ask over a raw socket, escaped and not.
  for (const traversal of ['/assets/../index.html', '/assets/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
    const status = await new Promise<number>((resolve, reject) =>
      http
        .get({ host: '127.0.0.1', port: new URL(base).port, path: traversal }, (res) => (res.resume(), resolve(res.statusCode!)))
        .on('error', reject),
    );
    expect([traversal, status >= 400]).toEqual([traversal, true]);
  }
});

test('without a development token the configuration holds none', async () => {
  await serve({ dir, gatewayUrl: 'https://gateway.peacegraph.example/graphql' });
  expect(await (await fetch(`${base}/console-config.json`)).json()).toEqual({ gatewayUrl: 'https://gateway.peacegraph.example/graphql' });
});

test('before the console is built the root says how to build it, and serves it as soon as it is', async () => {
  await serve({ dir, gatewayUrl: 'http://localhost:4000/graphql' });
  const before = await fetch(`${base}/`);
  expect(before.status).toBe(503);
  expect(await before.text()).toMatch(/not built yet.*npm start builds it/);
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>PeaceGraph console</title>');
  expect((await fetch(`${base}/`)).status).toBe(200);
});
