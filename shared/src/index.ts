export { readEnv, loadEnvOrExit, env, EnvError, type EnvSpec, type EnvOf } from './env';
export { createLogger, type Logger } from './logger';
export {
  ErrorCode,
  PeaceGraphError,
  badInput,
  notFound,
  forbidden,
  unauthenticated,
  conflict,
  createErrorFormatter,
} from './errors';
export { scalars, scalarResolversFor, PCodeScalar, LanguageCodeScalar, PCODE_PATTERN } from './scalars';
export { createDataSource, migrate, type DataSourceOptions, type PeaceGraphDataSource } from './database/data-source';
export { SnakeNamingStrategy } from './database/naming';
export { SqlStatementCounter } from './database/statement-counter';
export { ensureDatabase, dropDatabase, withDatabase } from './database/admin';
export { seedOnce } from './database/seed-once';
export { whereWithinAdminArea } from './database/pcode';
export { SEARCH_KEY_SQL, containsPattern } from './database/search';
export { startEmbeddedPostgres, freePort, portInUse, type EmbeddedServer } from './database/embedded';
export {
  keysetConnection,
  pageSize,
  encodeCursor,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type Connection,
  type Edge,
  type PageInfo,
  type PageArgs,
  type KeysetOrder,
} from './pagination';
export { keyedLoader, groupedLoader, loadPresent, onlyUuids } from './loaders';
export { startSubgraphServer, stopOnSignals, buildSchema, type RunningServer, type SubgraphServerOptions } from './server';
export { loadTypeDefs } from './graphql/type-defs';
