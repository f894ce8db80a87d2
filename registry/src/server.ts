import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { parse } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { refuseControlCharacters } from '@peacegraph/kit/input';
import type { DataSource } from 'typeorm';
import type { Authenticator } from '@peacegraph/kit/auth';
import { createErrorFormatter, withHttpStatus } from '@peacegraph/kit/errors';
import { DEFAULT_LIMITS, notFoundHandler, requestErrorHandler, requestGuards, type Logger } from '@peacegraph/kit/server';
import type { Actor } from './access';
import { registryLoaders, type RegistryContext } from './context';
import { consoleRoutes, type ConsoleOptions } from './http/console-route';
import { documentsRoute } from './http/documents-route';
import { supergraphRoute } from './http/supergraph-route';
import { usageRoute } from './http/usage-route';
import { Registry, type RegistryOptions } from './publish/registry';
import { registryResolvers } from './resolvers';
import { forgetUsageBefore } from './store/usage';

export interface RegistryServerOptions extends RegistryOptions {
  dataSource: DataSource;
  authenticate: Authenticator;
  logger: Logger;
  port?: number;
  host?: string;
  retentionDays: number;
  /** How often waiting versions are compared with what their subgraph serves. */
  verifyIntervalMs: number;
  /** The web console served at the root; none without it. */
  console?: ConsoleOptions;
}

export interface RunningRegistry {
  url: string;
  port: number;
  registry: Registry;
  /** Runs one pass of the waiting-version check now (tests; the timer runs it too). */
  verifyNow: () => Promise<number>;
  stop: () => Promise<void>;
}

const SCHEMA_FILE = path.join(__dirname, '..', 'schema.graphql');
/** The registry itself, as the actor of what it does on its own (launching a version once deployed). */
const SYSTEM: Actor = { subject: 'registry', organisationId: null, admin: true, ip: null, requestId: null };

export async function startRegistry(options: RegistryServerOptions): Promise<RunningRegistry> {
  const log = options.logger;
  const db = options.dataSource;
  const registry = new Registry(db, options, log);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = http.createServer(app);
  // Schemas and the console's script are text that shrinks five- to tenfold.
  app.use(compression());
  // SDL travels in checks and publishes, escaped in JSON (a newline is two bytes there): the body
  // limit is twice the schema limit and some room, so an oversized schema is told so by name.
  const bodyLimit = `${Math.ceil((2 * options.maxSdlBytes) / 1024) + 64}kb`;
  const guards = requestGuards<RegistryContext>({ ...DEFAULT_LIMITS, bodySize: bodyLimit }, () => new Map());
  const apollo = new ApolloServer<RegistryContext>({
    // Control characters and lone surrogates are refused in every argument before a resolver runs,
    // as at every subgraph: PostgreSQL never sees a NUL.
    schema: refuseControlCharacters(
      makeExecutableSchema({ typeDefs: parse(fs.readFileSync(SCHEMA_FILE, 'utf8')), resolvers: registryResolvers(db) }),
    ),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Apollo's default indents every answer by two spaces: bytes to write and send that no client reads.
    stringifyResult: JSON.stringify,
    validationRules: guards.validationRules,
    formatError: createErrorFormatter((original) => log.error({ err: original }, 'error hidden from client')),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), ...guards.plugins],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'registry' });
  });
  app.get('/ready', async (_req, res) => {
    const ready = await db.query('SELECT 1').then(
      () => true,
      () => false,
    );
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', service: 'registry' });
  });
  app.get('/supergraph', supergraphRoute(db, options.authenticate));
  app.use(usageRoute(db, options.authenticate, options.retentionDays, log));
  app.use(documentsRoute(db, options.authenticate));
  app.use(
    '/graphql',
    express.json({ limit: bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const viewer = await options.authenticate(req.get('authorization')).catch((error: unknown) => {
          throw withHttpStatus(error, 401);
        });
        return { viewer, ip: req.ip ?? null, requestId: req.get('x-request-id') ?? randomUUID(), registry, loaders: registryLoaders(db) };
      },
    }),
  );
  if (options.console) app.use(consoleRoutes(options.console));
  app.use(notFoundHandler);
  app.use(requestErrorHandler(bodyLimit, log));

  // One pass at a time: a slow subgraph must not stack passes up.
  let running: Promise<number> | undefined;
  const verifyNow = () =>
    (running ??= registry
      .launchDeployed(SYSTEM)
      .catch((error: unknown) => {
        log.error({ err: error }, 'checking waiting versions failed');
        return 0;
      })
      .finally(() => (running = undefined)));
  const verifier = setInterval(() => void verifyNow(), options.verifyIntervalMs);
  const forget = () =>
    forgetUsageBefore(db, options.retentionDays).catch((error: unknown) => log.error({ err: error }, 'usage retention failed'));
  void forget();
  const retention = setInterval(() => void forget(), 3_600_000);
  verifier.unref();
  retention.unref();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 4010, options.host ?? '0.0.0.0', resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  log.info({ port }, 'registry ready');
  let stopped: Promise<void> | undefined;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    registry,
    verifyNow,
    // Once: a test that stops the registry to see the gateway without it stops it again at the end.
    stop: () =>
      (stopped ??= (async () => {
        clearInterval(verifier);
        clearInterval(retention);
        await running;
        await apollo.stop();
      })()),
  };
}
