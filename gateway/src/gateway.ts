import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { corsFor } from './cors';
import { schemaFilesOf, type SchemaFiles } from './contracts';
import { schemaFileRoute } from './schema-route';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { type Authenticator } from '@peacegraph/kit/auth';
import { withHttpStatus } from '@peacegraph/kit/errors';
import {
  DEFAULT_LIMITS,
  createLogger,
  notFoundHandler,
  requestErrorHandler,
  requestGuards,
  stringifyResult,
  type Logger,
} from '@peacegraph/kit/server';
import { clientOf, contextFor, requestIdOf, type GatewayContext, type RequestTrail } from './context';
import { createGatewayErrorFormatter } from './errors';
import { explorerRouter } from './explorer/router';
import { checkReadiness } from './readiness';
import { RegistrySupergraph } from './registry-supergraph';
import { SubgraphDataSource } from './subgraph-data-source';
import { SubgraphClients } from './subgraph-http';
import { ReadMerger } from './read-merging';
import { persistedDocuments } from './documents/resolve';
import { RegistryDocuments } from './documents/registry-documents';
import { RegisteredDocumentsApqCache } from './documents/apq-cache';
import { SupergraphFile, type SupergraphReloads } from './supergraph-file';
import { operationTracker, type OperationTracker } from './usage/plugin';
import { keptAnswers } from './kept-answers';
import { UsageReporter, type FlushOutcome } from './usage/reporter';
import type { UsageLimits } from './usage/batches';
import { createRateLimiter, verifiedCaller, type RateLimitOptions } from './rate-limit';

/** Following the schema registry (see README, "Where the supergraph comes from"). */
export interface RegistryOptions {
  /** The registry's base URL, e.g. http://localhost:4010. */
  url: string;
  /** Sent as `Authorization: Bearer <token>` with every call. */
  token: string;
  /** The last good supergraph is kept here, and served from here when the registry is unreachable at start. */
  cachePath: string;
  /** Time between two polls, ms. Default 2000. */
  pollMs?: number;
  /** Longest wait for one answer from the registry, ms. Default 5000. */
  timeoutMs?: number;
}

/** Usage reporting to the registry (see README, "Usage reporting"). */
export interface UsageOptions {
  /** Time between two reports, ms. Default 5000. */
  flushMs?: number;
  /** Most distinct entries held between reports; past it operations are dropped and counted. Default 10000. */
  bufferMax?: number;
  /** Longest wait for the registry to take one report, ms. Default 5000. */
  timeoutMs?: number;
  /** Names this gateway in its reports. Default `<host name>:<pid>`. */
  gatewayId?: string;
  /** The registry's limits on one report; USAGE_LIMITS by default. */
  limits?: UsageLimits;
}

export interface GatewayOptions {
  /**
   * The composed supergraph (supergraph.graphql); watched and reloaded when it changes. Required
   * without `registry`, ignored with it.
   */
  supergraphPath?: string;
  /** Take the supergraph from the schema registry and follow it there, instead of a file. */
  registry?: RegistryOptions;
  /** With `registry`, usage is reported to it unless this is false. */
  usage?: UsageOptions | false;
  /** 0 picks a free port. Default 4000. */
  port?: number;
  host?: string;
  /** Routing URLs that replace the supergraph's, by subgraph name (case-insensitive, "-" matches "_"). */
  subgraphUrls?: Record<string, string>;
  /** Longest wait for a subgraph connection, its answer's headers, or the next piece of its body. Default 10000. */
  subgraphTimeoutMs?: number;
  /** Identical subgraph reads in flight are sent once and their answer shared (README, "Merging identical reads"). Default true. */
  mergeReads?: boolean;
  /**
   * Bytes of whole answers kept and checked with the subgraphs that tagged them (kept-answers.ts;
   * KEPT_ANSWERS_MB). Default 32 MB; 0 keeps none.
   */
  keptAnswersBudget?: number;
  /** Largest request body, in express.json's notation. Default '1mb'. */
  bodyLimit?: string;
  /** Deepest field nesting a query may have (introspection's ofType chains excepted). Default 12. */
  maxDepth?: number;
  /** Most aliases one operation may use, fragments expanded. Default 30. */
  maxAliases?: number;
  /** Largest estimated answer of one operation, in values (the kit's cost.ts). Default 500000. */
  maxCost?: number;
  /** Origins browser apps may call from (CORS); "localhost" allows any local port. Default none. */
  corsOrigins?: readonly string[];
  /** Pre-filled in the explorer's headers editor; for development tokens only. */
  explorerHeaders?: Record<string, string>;
  logger?: Logger;
  /** Quiet time after the last file event before the supergraph is re-read. Default 200. */
  reloadDebounceMs?: number;
  /** Longest wait for one subgraph's readiness answer. Default 2000. */
  readinessTimeoutMs?: number;
  /**
   * Verifies callers before any planning: a bad token is refused here with UNAUTHENTICATED (HTTP 401).
   * Subgraphs verify again, so leaving it out weakens nothing but wastes their work.
   */
  authenticate?: Authenticator;
  /** Token buckets per API key, token subject and anonymous IP (see README, "Rate limits"). Default off. */
  rateLimit?: RateLimitOptions | false;
  /** express's "trust proxy": whose X-Forwarded-For gives the client's address. Default 'loopback'. */
  trustProxy?: string | number | boolean;
  /** Services the platform's supervisor gave up on (npm start tells the gateway), shown in /ready. */
  gaveUp?: () => readonly { name: string; reason?: string }[];
}

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  port: number;
  /** The supergraph served (`current`) and what became of new ones, from the file or the registry. */
  reloads: SupergraphReloads;
  /** Subgraph reads that joined an identical one in flight instead of calling the subgraph, since the start. */
  readonly mergedReads: number;
  /** Answers served from what the gateway kept, every subgraph having said its part still holds, since the start. */
  readonly keptAnswersServed: number;
  /** Present when usage is reported: `flush()` sends what was recorded now rather than at the next tick. */
  usage?: { flush: () => Promise<FlushOutcome>; readonly totals: UsageReporter['totals'] };
  /** Finishes in-flight requests, stops following the supergraph, sends the last usage report, closes the port. */
  stop: () => Promise<void>;
}

const ENDPOINT = '/graphql';

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const log = options.logger ?? createLogger('gateway');
  const bodyLimit = options.bodyLimit ?? DEFAULT_LIMITS.bodySize;
  const timeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const routeOf = subgraphRouter(options.subgraphUrls ?? {});
  const supergraph = supergraphSource(options, log);
  const reporter =
    options.registry && options.usage !== false
      ? new UsageReporter({
          ...options.usage,
          registryUrl: options.registry.url,
          token: options.registry.token,
          compositionId: () => supergraph.current?.id ?? null,
          log,
        })
      : undefined;

  const clients = new SubgraphClients(timeoutMs);
  const merger = new ReadMerger(options.mergeReads ?? true);
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.hook,
    logger: log,
    buildService: ({ name, url }) => {
      const routed = routeOf(name, url ?? '');
      return new SubgraphDataSource({ name, url: routed, timeoutMs, logger: log, http: clients.for(routed), merger });
    },
  });

  // The API schema as SDL, whole and cut per audience, printed once per supergraph (on demand).
  let schemaFiles: { schema: GraphQLSchema; files?: SchemaFiles } | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    schemaFiles = { schema: apiSchema };
    merger.sensitive.learn(apiSchema);
  });
  const filesNow = (): SchemaFiles | undefined => {
    if (!schemaFiles) return undefined;
    schemaFiles.files ??= schemaFilesOf(schemaFiles.schema);
    return schemaFiles.files;
  };

  // Persisted documents come from the registry (README, "Persisted documents").
  const documents = options.registry && new RegistryDocuments({ url: options.registry.url, token: options.registry.token, log });
  const byDocumentId = persistedDocuments(documents);
  const operations = operationTracker({ record: reporter && ((served) => reporter.record(served)), log });

  const app = express();
  app.disable('x-powered-by');
  // express would hash every GraphQL answer (SHA-1 of the whole body) for an ETag no POST can use; the
  // schema files, the one route whose ETag callers use, set their own.
  app.set('etag', false);
  app.set('trust proxy', options.trustProxy ?? 'loopback');
  const limiter = options.rateLimit ? createRateLimiter(options.rateLimit, options.authenticate, log) : undefined;
  const httpServer = http.createServer(app);
  const guards = requestGuards<GatewayContext>(
    {
      bodySize: bodyLimit,
      maxDepth: options.maxDepth ?? DEFAULT_LIMITS.maxDepth,
      maxAliases: options.maxAliases ?? DEFAULT_LIMITS.maxAliases,
      maxCost: options.maxCost ?? DEFAULT_LIMITS.maxCost,
    },
    () => supergraph.current?.listSizes ?? new Map(),
  );
  const kept = keptAnswers({ budget: options.keptAnswersBudget ?? 32 * 1024 * 1024 });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Apollo turns introspection off in production; partners build clients from it and the explorer needs it.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Compact (Apollo's default indents every answer by two spaces: bytes no client reads), and a kept
    // answer's JSON as it was written when kept.
    stringifyResult,
    validationRules: guards.validationRules,
    persistedQueries: { cache: new RegisteredDocumentsApqCache(documents) },
    formatError: createGatewayErrorFormatter((original) => log.error({ err: original }, 'error hidden from client')),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      operations.plugin,
      ...guards.plugins,
      // Last: a kept answer is looked up only for a request every guard above let through.
      kept.plugin,
    ],
  });
  await apollo.start();
  warnAboutUnknownOverrides(options.subgraphUrls ?? {}, supergraph.current?.subgraphs ?? [], log);

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.use(['/schema.graphql', '/schema'], corsFor(options.corsOrigins ?? []));
  app.get(['/schema.graphql', '/schema/:audience.graphql'], schemaFileRoute(filesNow));
  app.get('/ready', async (_req, res) => {
    const lastPoll = supergraph instanceof RegistrySupergraph ? supergraph.lastPoll : undefined;
    const readiness = await checkReadiness(supergraph.current, routeOf, options.readinessTimeoutMs ?? 2000, lastPoll);
    const gaveUp = options.gaveUp?.() ?? [];
    const ready = readiness.ready && gaveUp.length === 0;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', ...readiness, ...(gaveUp.length ? { gaveUp } : {}) });
  });
  // Before the explorer's router, which would answer a preflight for GET /graphql itself.
  app.use(ENDPOINT, corsFor(options.corsOrigins ?? []));
  app.use(explorerRouter({ endpoint: ENDPOINT, headers: options.explorerHeaders }));
  app.use(
    ENDPOINT,
    (req, res, next) => {
      const trail: RequestTrail = { requestId: requestIdOf(req), startedAt: process.hrtime.bigint() };
      res.locals.trail = trail;
      res.set('x-request-id', trail.requestId);
      whenFinished(req, res, trail, operations, log);
      next();
    },
    ...(limiter ? [limiter.middleware] : []),
    express.json({ limit: bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const viewer = options.authenticate
          ? await verifiedCaller(req, res, options.authenticate).catch((error: unknown) => {
              throw withHttpStatus(error, 401);
            })
          : undefined;
        const context = contextFor(req, res.locals.trail as RequestTrail, viewer);
        await byDocumentId(req, context);
        return context;
      },
    }),
  );
  app.use(notFoundHandler);
  app.use(requestErrorHandler(bodyLimit, log));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 4000, options.host ?? '0.0.0.0', resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://localhost:${port}${ENDPOINT}`;
  reporter?.start();
  log.info(
    {
      url,
      supergraph: { source: supergraph.current?.source, id: supergraph.current?.id },
      subgraphs: supergraph.current?.subgraphs.map((s) => s.name),
      usageReporting: reporter !== undefined,
    },
    'gateway ready',
  );

  return {
    url,
    port,
    get mergedReads() {
      return merger.merged;
    },
    get keptAnswersServed() {
      return kept.served;
    },
    reloads: supergraph,
    usage: reporter && { flush: () => reporter.flush(), totals: reporter.totals },
    stop: async () => {
      await apollo.stop();
      await clients.close();
      await reporter?.stop();
      await limiter?.stop();
    },
  };
}

function supergraphSource(options: GatewayOptions, log: Logger): SupergraphFile | RegistrySupergraph {
  if (options.registry) {
    if (options.supergraphPath) log.info({ ignored: options.supergraphPath }, 'following the registry; the supergraph file is not read');
    return new RegistrySupergraph({ ...options.registry, log });
  }
  if (!options.supergraphPath) throw new Error('startGateway needs a supergraphPath or a registry to take its supergraph from');
  return new SupergraphFile(path.resolve(options.supergraphPath), log, options.reloadDebounceMs);
}

function subgraphRouter(overrides: Record<string, string>): (name: string, url: string) => string {
  const byName = new Map(Object.entries(overrides).map(([name, url]) => [normalise(name), url]));
  return (name, url) => byName.get(normalise(name)) ?? url;
}

/** Env var names cannot hold "-", so SUBGRAPH_URL_SITE_VISITS must find the subgraph "site-visits". */
function normalise(name: string): string {
  return name.toLowerCase().replace(/-/g, '_');
}

function warnAboutUnknownOverrides(overrides: Record<string, string>, subgraphs: readonly { name: string }[], log: Logger) {
  const known = new Set(subgraphs.map((s) => normalise(s.name)));
  for (const name of Object.keys(overrides)) {
    if (!known.has(normalise(name))) log.warn({ subgraph: name }, 'URL override names no subgraph of the supergraph');
  }
}

/**
 * Once the answer has left: the operation is recorded for usage, and one line is logged with the
 * operation's name (as the request names it, else as its document does; also for GET), the client,
 * and the operation's signature, the same for every request of one operation whatever its literals,
 * so log lines and usage data line up.
 */
function whenFinished(req: express.Request, res: express.Response, trail: RequestTrail, operations: OperationTracker, log: Logger): void {
  res.on('finish', () => {
    const header = (name: string) => req.get(name);
    const client = clientOf(header, trail.answered?.apiKey ?? null);
    const operation = operations.finished(trail, header);
    log.info(
      {
        requestId: trail.requestId,
        operation: operation.operationName ?? requestedOperationName(req),
        clientName: client.name,
        clientVersion: client.version,
        signature: operation.signature,
        documentId: trail.documentId ?? null,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - trail.startedAt) / 1_000_000n),
      },
      'graphql request',
    );
  });
}

/** The operationName a request gave in its body (POST) or query string (GET), when its document never parsed. */
function requestedOperationName(req: express.Request): string | null {
  const body = req.body as { operationName?: unknown } | undefined;
  const given = body?.operationName ?? (req.method === 'GET' ? req.query.operationName : undefined);
  return typeof given === 'string' && given !== '' ? given.slice(0, 200) : null;
}
