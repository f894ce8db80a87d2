import gql from 'graphql-tag';
import { withCommonTypeDefs } from '../../src/graphql/type-defs';
import type { DataSource } from 'typeorm';
import { createAuthenticator } from '../../src/auth/authenticate';
import { type IdentityStore } from '../../src/auth/identity-store';
import { organisationOf } from '../../src/auth/viewer';
import { createLogger } from '../../src/server/logger';
import { startSubgraphServer, type RunningServer } from '../../src/server/server';
import { type SqlStatementCounter } from '../../src/sql/statement-counter';
import { TEST_AUTH } from '../../src/testing';

/**
 * A subgraph with nothing but what fault tests need: a statement that runs as long as asked
 * (pg_sleep), a quick one, and a PARTNER field that needs a verified caller. Built with the kit like
 * every domain subgraph, so what holds here holds there.
 */
export const PROBE_SDL = `
type Query @public {
  "Holds a database connection for this long."
  sleep(seconds: Float!): Boolean
  "A quick statement: 42 from the database."
  answer: Int
  "The caller's organisation, from a verified token or API key."
  myOrganisation: String @partner
}
type Mutation @public {
  "Writes a note, then holds the transaction open this long before committing."
  writeSlowly(note: String!, seconds: Float!): Boolean
}
`;

/** The table writeSlowly writes to. */
export const PROBE_TABLE_SQL = `CREATE TABLE IF NOT EXISTS probe_note (note text NOT NULL)`;

export interface Probe {
  url: string;
  server: RunningServer;
  /** Calls whose caller closed the connection before the answer was sent. */
  abandoned: () => number;
  /** Calls that reached the resolvers. */
  started: () => number;
  stop: () => Promise<void>;
}

export async function startProbe(options: {
  dataSource: DataSource;
  statements: SqlStatementCounter;
  identity?: IdentityStore;
  port?: number;
}): Promise<Probe> {
  let abandoned = 0;
  let started = 0;
  const identity: IdentityStore = options.identity ?? { organisationExists: async () => true, verifyApiKey: async () => null };
  const server = await startSubgraphServer({
    name: 'probe',
    typeDefs: withCommonTypeDefs({ text: PROBE_SDL, document: gql(PROBE_SDL) }).document,
    resolvers: {
      Query: {
        sleep: async (_: unknown, { seconds }: { seconds: number }) => {
          await options.dataSource.query('SELECT pg_sleep($1)', [seconds]);
          return true;
        },
        answer: async () => {
          const [row] = (await options.dataSource.query('SELECT 42 AS n')) as { n: number }[];
          return row!.n;
        },
        myOrganisation: (_: unknown, __: unknown, { viewer }: { viewer: Parameters<typeof organisationOf>[0] }) => organisationOf(viewer),
      },
      Mutation: {
        writeSlowly: async (_: unknown, { note, seconds }: { note: string; seconds: number }) => {
          await options.dataSource.transaction(async (manager) => {
            await manager.query('INSERT INTO probe_note (note) VALUES ($1)', [note]);
            await manager.query('SELECT pg_sleep($1)', [seconds]);
            await manager.query('INSERT INTO probe_note (note) VALUES ($1)', [`${note} (after)`]);
          });
          return true;
        },
      },
    },
    port: options.port ?? 0,
    host: '127.0.0.1',
    logger: createLogger('probe-test', process.env.PROBE_TEST_LOG ?? 'silent'),
    dataSource: options.dataSource,
    statements: options.statements,
    authenticate: await createAuthenticator(TEST_AUTH, identity),
    context: async ({ viewer, audit, req }) => {
      started += 1;
      req.res?.once('close', () => {
        if (!req.res?.writableFinished) abandoned += 1;
      });
      return { viewer, audit };
    },
  });
  return {
    url: server.url,
    server,
    abandoned: () => abandoned,
    started: () => started,
    stop: () => server.stop(),
  };
}
