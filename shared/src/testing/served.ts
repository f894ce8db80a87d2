import { remoteIdentityStore, type IdentityStore } from '../auth/identity-store';
import type { DataSource } from 'typeorm';
import type { PolicyContext } from '../policy/enforce';
import { startSubgraph } from '../subgraph/build';
import { migrationsOf, type SubgraphDefinition } from '../subgraph/definition';
import { createLogger } from '../server/logger';
import type { RunningServer } from '../server/server';
import { graphqlClient } from './graphql-client';
import { bearer, TEST_AUTH } from './identity';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * What a subgraph's server needs in a test: its test database, a free port, the test keys, and the
 * directory to ask — with no API-key cache, so a revoked key fails at once.
 */
export function testServerOptions(service: string, db: TestDatabase, directoryUrl: string) {
  return {
    dataSource: db.dataSource,
    statements: db.statements,
    // <SERVICE>_TEST_LOG=error shows the server's own log (hidden errors included) while a test runs.
    logger: createLogger(`${service}-test`, process.env[`${service.toUpperCase()}_TEST_LOG`] ?? 'silent'),
    port: 0,
    host: '127.0.0.1',
    auth: TEST_AUTH,
    directoryUrl,
    identity: remoteIdentityStore(directoryUrl, { apiKeyTtlMs: 0 }),
    // No whole answers kept: the tests share one database server, where another worker's commit makes
    // a repeated query miss or not at random. The kit's own test holds the mechanism; a test that
    // wants a subgraph keeping them passes `keptAnswersBudget` to serveSubgraphForTest.
    keptAnswersBudget: 0,
  };
}

export type Client = ReturnType<typeof graphqlClient>;

export interface ServedForTest {
  url: string;
  /** Anonymous caller. */
  request: Client;
  /** A caller with a token for this organisation and these scopes. */
  as: (organisationId: string, scope: string, subject?: string) => Promise<Client>;
  /** Rows in a table, to prove a refused write left nothing behind. */
  rows: (table: string) => Promise<number>;
  /** Rows in each of these tables. */
  countRows: (tables: readonly string[]) => Promise<Record<string, number>>;
  /** Every row of each of these tables as text, in a stable order: a refused change alters no value, not even a version. */
  tableValues: (tables: readonly string[]) => Promise<Record<string, string[]>>;
  /** Stops the server and drops its database. */
  stop: () => Promise<void>;
}

/** The callers and checks every subgraph's tests use, over real HTTP. */
export function servedForTest(db: TestDatabase, server: RunningServer): ServedForTest {
  const rows = async (table: string) => {
    const [row] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[];
    return row!.n;
  };
  const values = async (table: string) =>
    ((await db.dataSource.query(`SELECT t::text AS row FROM ${table} t ORDER BY 1`)) as { row: string }[]).map((r) => r.row);
  return {
    url: server.url,
    request: graphqlClient(server.url),
    as: async (organisationId, scope, subject) =>
      graphqlClient(server.url, { authorization: await bearer(organisationId, scope, { subject }) }),
    rows,
    countRows: async (tables) => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await rows(t)] as const))),
    tableValues: async (tables) => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await values(t)] as const))),
    stop: async () => {
      await server.stop();
      await db.drop();
    },
  };
}

/** A fresh migrated database for a subgraph, with its reference data, then `prepare` (the test's own rows). */
export function subgraphTestDatabase(
  definition: SubgraphDefinition,
  prepare?: (dataSource: DataSource) => Promise<unknown>,
): Promise<TestDatabase> {
  const logger = createLogger(`${definition.name}-test`, 'silent');
  return createTestDatabase({
    entities: definition.entities,
    migrations: migrationsOf(definition),
    prepare: async (dataSource) => {
      await definition.reference?.(dataSource, logger);
      await prepare?.(dataSource);
    },
  });
}

/**
 * A subgraph from its declaration, over HTTP on a fresh migrated database with its reference data
 * (or on `db`): what each subgraph's `test/support.ts` builds on. `directoryUrl` is the directory to
 * ask (the directory itself ignores it).
 */
export async function serveSubgraphForTest<C extends PolicyContext>(
  definition: SubgraphDefinition<C>,
  options: { directoryUrl: string; identity?: IdentityStore; db?: TestDatabase; keptAnswersBudget?: number },
): Promise<ServedForTest & { db: TestDatabase }> {
  const db = options.db ?? (await subgraphTestDatabase(definition as SubgraphDefinition));
  const defaults = testServerOptions(definition.name, db, options.directoryUrl);
  const server = await startSubgraph(definition, {
    ...defaults,
    identity: options.identity ?? defaults.identity,
    keptAnswersBudget: options.keptAnswersBudget ?? defaults.keptAnswersBudget,
  });
  return { ...servedForTest(db, server), db };
}
