import path from 'node:path';
import { portInUse, freePort } from '@peacegraph/kit/embedded';
import { ensureDatabase, withDatabase } from '@peacegraph/kit/sql';
import type { Service } from './processes';
import type { Supervisor } from './supervisor';

export interface DatabaseServer {
  /** Database URL for one subgraph, its database created if needed. */
  databaseFor: (subgraph: string) => Promise<string>;
  describe: string;
}

const DEFAULT_EMBEDDED_PORT = 54329;
export const POSTGRES_SERVICE = 'postgres';

function envName(subgraph: string): string {
  return `DATABASE_URL_${subgraph.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * The PostgreSQL that `npm start` uses: a subgraph's own DATABASE_URL_<NAME> if given, else a database
 * `peacegraph_<name>` on the server at DATABASE_URL, else the same on an embedded PostgreSQL whose data
 * lives in .data/postgres (git-ignored) and survives restarts. The embedded one is a supervised
 * service like the others: if it dies it is started again on the same port and data.
 */
export async function openDatabaseServer(root: string, log: (line: string) => void, supervisor: Supervisor): Promise<DatabaseServer> {
  const perSubgraph = async (subgraph: string, serverUrl: string) => {
    const own = process.env[envName(subgraph)];
    if (own) return own;
    const database = `peacegraph_${subgraph.replace(/-/g, '_')}`;
    if (await ensureDatabase(serverUrl, database)) log(`created database ${database}`);
    return withDatabase(serverUrl, database);
  };

  if (process.env.DATABASE_URL) {
    const serverUrl = process.env.DATABASE_URL;
    return {
      databaseFor: (subgraph) => perSubgraph(subgraph, serverUrl),
      describe: `PostgreSQL at ${new URL(serverUrl).host}`,
    };
  }

  let port = Number(process.env.PEACEGRAPH_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  if (await portInUse(port)) {
    const requested = port;
    port = await freePort();
    log(`port ${requested} is taken; embedded PostgreSQL uses ${port} instead (set PEACEGRAPH_PG_PORT to choose)`);
  }
  const dataDir = path.join(root, '.data', 'postgres');
  let url = '';
  await supervisor.start({
    name: POSTGRES_SERVICE,
    index: 6,
    entry: path.join(__dirname, 'postgres-process.ts'),
    env: { PEACEGRAPH_PG_DATA: dataDir, PEACEGRAPH_PG_PORT: String(port) },
    ready: async (service) => {
      url = await readyMessage(service);
    },
  });
  return {
    databaseFor: (subgraph) => perSubgraph(subgraph, url),
    describe: `embedded PostgreSQL on port ${port} (data in .data/postgres)`,
  };
}

/** postgres-process.ts says `{ ready: url }` once the server accepts connections. */
function readyMessage(service: Service): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    service.child.once('message', (message: { ready?: string }) =>
      message.ready ? resolve(message.ready) : reject(new Error('unexpected message')),
    );
    void service.exited.then((code) => reject(new Error(`embedded PostgreSQL exited with code ${code}`)));
  });
}
