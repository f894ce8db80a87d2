import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Authenticator } from '../auth/authenticate';
import type { Viewer } from '../auth/viewer';
import { AuditRecorder } from '../audit/recorder';
import { applyFieldPolicies, type FieldPolicyOptions, type PolicyContext } from '../policy/enforce';
import type { Logger } from './logger';
import { createErrorFormatter, withHttpStatus } from '../errors/errors';
import { onParentGone } from './parent-watch';
import { callerLeft } from './caller-signal';
import { readEnv } from './env';
import { purposeEnv } from './subgraph-env';
import type { QueryLimits } from '../graphql/limits';
import { queryLimitsEnv, queryLimitsOf, requestGuards } from '../graphql/guards';
import { listSizesFromSdl } from '../graphql/cost';
import { notFoundHandler, requestErrorHandler } from '../graphql/request-errors';
import type { SqlStatementCounter } from '../sql/statement-counter';
import { refuseControlCharacters } from '../input/text-arguments';
import { refuseUnknownEntities } from '../input/entity-representations';
import { RATE_LIMIT_HEADER, parseRateLimitHeader, type RateLimitState } from './rate-limit-header';
import { keptAnswers, keptAnswersEnv, SNAPSHOT_SQL, stringifyResult } from './kept-answers';

export interface RequestScope {
  req: express.Request;
  viewer: Viewer;
  audit: AuditRecorder;
  /** Aborted when the caller leaves before its answer; the kit then cancels the request's SQL. */
  signal: AbortSignal;
  /** The caller's rate-limit state as a rate-limiting gateway told it (RATE_LIMIT_HEADER), else null. */
  rateLimit: RateLimitState | null;
}

export interface SubgraphServerOptions<C extends PolicyContext> {
  /** The domain: names the subgraph in logs and its scopes (`<domain>:write`, `<domain>:sensitive`). */
  name: string;
  typeDefs: DocumentNode;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolvers: GraphQLResolverMap<any>;
  port: number;
  host?: string;
  logger: Logger;
  dataSource: DataSource;
  authenticate: Authenticator;
  /** Owner and id of records whose type has SENSITIVE fields, when not `ownerOrg` and `id`. */
  identify?: FieldPolicyOptions['identify'];
  context: (scope: RequestScope) => Promise<C>;
  /** Extra HTTP routes beside /graphql (e.g. the directory's identity endpoints). */
  routes?: (app: express.Express) => void;
  statements?: SqlStatementCounter;
  /**
   * Body, depth, alias and cost limits: the platform's defaults, or MAX_BODY_SIZE, MAX_QUERY_DEPTH,
   * MAX_ALIASES and MAX_COST from the environment (checked at start by loadSubgraphConfig).
   */
  limits?: QueryLimits;
  /** Refuse SENSITIVE reads without X-Purpose (PURPOSE_REQUIRED); default REQUIRE_PURPOSE, else off. */
  requirePurpose?: boolean;
  plugins?: ApolloServerPlugin<C>[];
  /**
   * Statistics fields (`Type.field`) whose whole answers are kept until a write commits (kept-answers.ts);
   * KEPT_ANSWERS_MB bounds them, 0 keeps none.
   */
  keptAnswers?: readonly string[];
  /** Bytes of kept answers; default KEPT_ANSWERS_MB from the environment. */
  keptAnswersBudget?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  schema: GraphQLSchema;
  stop: () => Promise<void>;
}

export function buildSchema(typeDefs: DocumentNode, resolvers: GraphQLResolverMap<unknown>): GraphQLSchema {
  // Every string argument of every subgraph is checked once here, not by each service.
  return refuseUnknownEntities(refuseControlCharacters(buildSubgraphSchema({ typeDefs, resolvers })));
}

/**
 * Starts one subgraph: GraphQL at /graphql, liveness at /health, readiness at /ready.
 * Returns once it listens; `stop` drains in-flight requests before closing.
 */
export async function startSubgraphServer<C extends PolicyContext>(options: SubgraphServerOptions<C>): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  // Express hashes every answer for an ETag; GraphQL answers are POSTed and never revalidated.
  app.disable('etag');
  const httpServer = http.createServer(app);
  const schema = applyFieldPolicies(buildSchema(options.typeDefs, options.resolvers), {
    domain: options.name,
    identify: options.identify,
    requirePurpose: options.requirePurpose ?? readEnv(purposeEnv).REQUIRE_PURPOSE,
  });
  const log = options.logger;
  const limits = options.limits ?? queryLimitsOf(readEnv(queryLimitsEnv));
  const listSizes = listSizesFromSdl(options.typeDefs);
  const guards = requestGuards<C>(limits, () => listSizes);
  const budget = options.keptAnswersBudget ?? readEnv(keptAnswersEnv).KEPT_ANSWERS_MB * 1024 * 1024;
  // Built even when nothing is to be kept, so that a listed field the schema lacks stops the start.
  const keeping = options.keptAnswers?.length
    ? [
        keptAnswers<C>(schema, {
          fields: options.keptAnswers,
          budget,
          snapshot: async () => ((await options.dataSource.query(SNAPSHOT_SQL)) as { s: string | null }[])[0]!.s,
        }),
      ]
    : [];

  const apollo = new ApolloServer<C>({
    schema,
    includeStacktraceInErrorResponses: false,
    // Apollo's default indents every answer by two spaces: more bytes to write, send and parse at the
    // gateway, for machines that never read the whitespace (a 20 KB statistics table costs measurably).
    // A kept answer's JSON is the one written when it was kept.
    stringifyResult,
    validationRules: guards.validationRules,
    formatError: createErrorFormatter((original) => log.error({ err: original }, 'unexpected error hidden from client')),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No Apollo Studio here: per-field traces would only cost time on every request.
      ApolloServerPluginInlineTraceDisabled(),
      // No schema gives cache hints, yet Apollo's cache-control plugin runs a hook on every field of
      // every answer (~2,000 on a statistics table) to find none. Answers hold people's data: no-store,
      // said once per answer, which is all the plugin ever said here.
      ApolloServerPluginCacheControlDisabled(),
      noStore(),
      ...guards.plugins,
      ...keeping,
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/ready', async (_req, res) => {
    const ready = await options.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', service: options.name });
  });

  app.use(
    '/graphql',
    express.json({ limit: limits.bodySize }),
    (req, res, next) => {
      const started = process.hrtime.bigint();
      const bucket = { statements: 0, signal: callerLeft(res) };
      res.on('finish', () => {
        log.info(
          {
            operation: (req.body as { operationName?: string } | undefined)?.operationName ?? null,
            status: res.statusCode,
            ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
            statements: bucket.statements,
          },
          'graphql request',
        );
      });
      if (options.statements) options.statements.run(bucket, next);
      else next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const viewer = await options.authenticate(req.headers.authorization).catch((error: unknown) => {
          throw withHttpStatus(error, 401);
        });
        const body = req.body as { operationName?: string } | undefined;
        const audit = new AuditRecorder(options.dataSource, viewer, {
          operation: body?.operationName ?? null,
          purpose: headerValue(req.headers['x-purpose']),
          requestId: headerValue(req.headers['x-request-id']),
        });
        return options.context({
          req,
          viewer,
          audit,
          signal: callerLeft(res),
          rateLimit: parseRateLimitHeader(req.headers[RATE_LIMIT_HEADER]),
        });
      },
    }),
  );
  options.routes?.(app);
  app.use(notFoundHandler);
  app.use(requestErrorHandler(limits.bodySize, log));

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? '0.0.0.0', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://localhost:${port}/graphql`;
  log.info({ url }, `${options.name} subgraph ready`);
  return {
    url,
    port,
    schema,
    stop: async () => {
      await apollo.stop();
    },
  };
}

function headerValue(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first ? first.slice(0, 500) : null;
}

/**
 * Stops cleanly on SIGTERM (orchestrators) and SIGINT (Ctrl-C): in-flight requests finish, the pool
 * closes, then the process exits. A second signal exits at once.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      });
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
  // Started by `npm start`: if the supervisor dies, even by SIGKILL, do not linger on its ports.
  onParentGone(() => handle('SIGTERM'));
}

/** Every GraphQL answer of a subgraph carries `Cache-Control: no-store`: nothing in it may sit in a shared cache. */
function noStore<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
