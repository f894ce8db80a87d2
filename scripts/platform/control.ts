import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ServiceStatus, Supervisor } from './supervisor';

/** What `npm run restart` and `npm run status` ask a running platform. */
export type ControlRequest = { restart: string } | { status: true };
export type ControlAnswer = { ok: true; services: ServiceStatus[] } | { ok: false; error: string };

/**
 * The running platform's control socket: a Unix socket in .data (its file permissions are the
 * access control), or in the temporary folder under a name made from the checkout's path when
 * .data is too deep for a socket path.
 */
export function controlSocketPath(root: string): string {
  const inData = path.join(root, '.data', 'platform.sock');
  if (inData.length <= 100) return inData;
  const digest = crypto.createHash('sha256').update(root).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `peacegraph-${digest}.sock`);
}

export async function serveControl(socketPath: string, supervisor: Supervisor): Promise<net.Server> {
  fs.rmSync(socketPath, { force: true });
  const server = net.createServer((socket) => {
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > 10_000) socket.destroy();
      const end = buffer.indexOf('\n');
      if (end < 0) return;
      void answer(buffer.slice(0, end), supervisor).then((reply) => socket.end(`${JSON.stringify(reply)}\n`));
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  server.unref();
  return server;
}

async function answer(line: string, supervisor: Supervisor): Promise<ControlAnswer> {
  try {
    const request = JSON.parse(line) as Partial<{ restart: unknown; status: unknown }>;
    if (typeof request.restart === 'string') await supervisor.restart(request.restart);
    else if (request.status !== true) return { ok: false, error: 'ask for {"restart": "<service>"} or {"status": true}' };
    return { ok: true, services: supervisor.status() };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export function askPlatform(socketPath: string, request: ControlRequest, timeoutMs = 120_000): Promise<ControlAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    let buffer = '';
    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => (buffer += chunk));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(buffer) as ControlAnswer);
      } catch {
        reject(new Error('the platform gave an unreadable answer'));
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT' || error.code === 'ECONNREFUSED'
          ? new Error('PeaceGraph is not running here (start it with npm start)')
          : error,
      ),
    );
  });
}
